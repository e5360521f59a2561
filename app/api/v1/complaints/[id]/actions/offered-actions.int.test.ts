// The complaint page offers exactly what the API accepts, for every kind of user and every state: for each
// (user, complaint) pair the page's buttons are computed as the page computes them (getComplaintDetail, then
// lib/auth/permissions' complaintActionsFor), and every one of the eleven actions is then sent to
// POST /api/v1/complaints/:id/actions with a valid body. An action the page offers must succeed; one it does
// not offer must be refused (403 or 409). Users: a handler in scope and one of another county, department
// staff of the assigned department and of another, a supervisor in and out of scope (催办 in scope), the
// admin, a leader. A closed complaint is closed as 属实 (its handler may withdraw the finding) or 不属实.
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintActionsFor } from '../../../../../../lib/auth/permissions/complaint-access';
import { can } from '../../../../../../lib/auth/permissions/role-permissions';
import { scopeOf, type Scope } from '../../../../../../lib/auth/scope';
import { createSession, getSessionUser } from '../../../../../../lib/auth/sessions';
import { uniqueUsername } from '../../../../../../lib/auth/test-fixtures';
import { getCalendar } from '../../../../../../lib/calendar/store/calendar-cache';
import { addWorkingDays } from '../../../../../../lib/calendar/working-days';
import { shanghaiDayOf } from '../../../../../../lib/calendar/ymd';
import { now } from '../../../../../../lib/clock';
import type { ComplaintState } from '../../../../../../lib/complaints/complaint';
import { getComplaintDetail } from '../../../../../../lib/complaints/queries';
import { ACTIONS, type ComplaintAction } from '../../../../../../lib/complaints/state-machine';
import { createComplaintWorld, fileTestComplaint, type ComplaintWorld } from '../../../../../../lib/complaints/test-fixtures';
import { sql } from '../../../../../../lib/db/sql';
import { POST as act } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: ComplaintWorld;

interface TestUser {
  cookie: string;
  scope: Scope;
}
const users = {} as Record<'handler' | 'farHandler' | 'dept' | 'otherDept' | 'supervisor' | 'farSupervisor' | 'admin' | 'leader', TestUser>;

async function userOf(cookie: string): Promise<TestUser> {
  const session = await getSessionUser(sql, cookie.replace('dw_session=', ''));
  return { cookie, scope: scopeOf(session!.user) };
}

async function newUser(role: string, regionCode: string, departmentId: number | null): Promise<TestUser> {
  const [row] = await sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
    values (${uniqueUsername(role)}, '矩阵测试', 'not-a-login-account', ${role}, ${regionCode}, ${departmentId}, now(), now())
    returning id`;
  return userOf(`dw_session=${(await createSession(sql, { id: row!.id })).token}`);
}

beforeAll(async () => {
  world = await createComplaintWorld(sql);
  users.handler = world.handler;
  users.farHandler = world.farHandler;
  users.dept = await userOf(world.cookies.dept);
  users.otherDept = await newUser('dept', world.regions.county.code, world.otherDepartment.id);
  users.supervisor = await userOf(world.cookies.supervisor);
  users.farSupervisor = await userOf(world.cookies.farSupervisor);
  users.admin = await newUser('admin', world.regions.province.code, null);
  users.leader = await userOf(world.cookies.leader);
});

async function post(id: number, body: Record<string, unknown>, cookie: string): Promise<number> {
  const request = new Request(`${ORIGIN}/api/v1/complaints/${id}/actions`, {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, host: '127.0.0.1:3000', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await act(request, { params: Promise.resolve({ id: String(id) }) })).status;
}

async function must(id: number, body: Record<string, unknown>, cookie: string) {
  const status = await post(id, body, cookie);
  if (status !== 200) throw new Error(`setting up: ${String(body.action)} answered ${status}`);
}

// the complaint variants: every state; 受理 (not yet dispatched) naming the department under test or another one
type Variant = ComplaintState | 'received_unassigned' | 'received_other_department' | 'closed_unsubstantiated';
const VARIANTS: Variant[] = [
  'received_unassigned',
  'received_other_department',
  'assigned',
  'accepted',
  'in_progress',
  'replied',
  'closed',
  'closed_unsubstantiated',
  'returned',
  'reopened',
];

/** A fresh complaint of the county in this state, brought there through the API as the desks would. */
async function complaintIn(variant: Variant): Promise<number> {
  const departmentId = variant === 'received_other_department' ? world.otherDepartment.id : world.department.id;
  const { trackingCode } = await fileTestComplaint(sql, world, now(), { departmentId });
  const [row] = await sql<{ id: number }[]>`select id from complaints where tracking_code = ${trackingCode}`;
  const id = row!.id;
  if (variant === 'received_unassigned' || variant === 'received_other_department') return id;
  const handler = users.handler.cookie;
  const dept = users.dept.cookie;
  await must(id, { action: 'assign', departmentId: world.department.id }, handler);
  if (variant === 'assigned') return id;
  if (variant === 'returned') {
    await must(id, { action: 'return', note: '不属于本部门职责' }, dept);
    return id;
  }
  await must(id, { action: 'accept' }, dept);
  if (variant === 'accepted') return id;
  await must(id, { action: 'start' }, dept);
  if (variant === 'in_progress') return id;
  await must(id, { action: 'reply', reply: '该批复已在政府网站公开。' }, dept);
  if (variant === 'replied') return id;
  if (variant === 'closed') {
    await must(id, { action: 'close', note: '经核实属实', finding: 'substantiated', catalogEntryId: world.otherEntry.id }, handler);
  } else if (variant === 'closed_unsubstantiated') {
    await must(id, { action: 'close', note: '经核实不属实', finding: 'unsubstantiated' }, handler);
  } else await must(id, { action: 'rate', satisfaction: 'dissatisfied' }, handler);
  return id;
}

/** A body the API accepts for `action` whenever the action itself is allowed. */
async function validBody(action: ComplaintAction, id: number): Promise<Record<string, unknown>> {
  switch (action) {
    case 'assign':
      return { action, departmentId: world.department.id };
    case 'return':
      return { action, note: '不属于本部门职责' };
    case 'extend': {
      const [row] = await sql<{ reply_due_at: Date }[]>`select reply_due_at from complaints where id = ${id}`;
      const dueDay = shanghaiDayOf(new Date(row!.reply_due_at.getTime() - 1));
      return { action, dueDate: addWorkingDays(await getCalendar(sql), dueDay, 2).due, note: '需要进一步调查' };
    }
    case 'reply':
      return { action, reply: '已核实，相关信息已在政府网站公开。' };
    case 'rate':
      return { action, satisfaction: 'satisfied' };
    case 'close':
      return { action, note: '回访完成', finding: 'unsubstantiated' };
    case 'withdraw_finding':
      return { action, note: '复核认为不属实' };
    case 'note':
      return { action, note: '已电话联系投诉人' };
    default:
      return { action };
  }
}

/** What the complaint page shows this user: nothing when it answers 无权查看, else complaintActionsFor. */
async function offeredOnPage(user: TestUser, id: number): Promise<ComplaintAction[]> {
  if (!can(user.scope, 'readComplaints')) return [];
  const detail = await getComplaintDetail(sql, user.scope, id);
  if (detail === 'missing' || detail === 'outside') return [];
  return complaintActionsFor(user.scope, {
    inScope: true,
    departmentId: detail.departmentId,
    assignedAt: detail.assignedAt,
    state: detail.state,
    hasStandingViolation: detail.hasStandingViolation,
  });
}

describe('the complaint page offers exactly what the API accepts', () => {
  it.each(VARIANTS)('a complaint %s', async (variant) => {
    const outcomes: Record<string, { offered: ComplaintAction[]; accepted: ComplaintAction[] }> = {};
    for (const [name, user] of Object.entries(users)) {
      let id = await complaintIn(variant);
      const offered = await offeredOnPage(user, id);
      const accepted: ComplaintAction[] = [];
      for (const action of ACTIONS) {
        const status = await post(id, await validBody(action, id), user.cookie);
        if (status === 200) {
          accepted.push(action);
          id = await complaintIn(variant); // the action changed it: the next one starts from the same state
        } else {
          expect([403, 409], `${name} ${action} on ${variant}`).toContain(status);
        }
      }
      outcomes[name] = { offered, accepted };
    }
    for (const [name, { offered, accepted }] of Object.entries(outcomes)) expect(accepted, name).toEqual(offered);
    // the matrix is not vacuous: the handler in scope can always do something before 办结, and withdraw a 属实
    if (variant !== 'closed_unsubstantiated') expect(outcomes.handler!.offered.length).toBeGreaterThan(0);
    // the disclosure office chases (催办) while a department holds the complaint, in its scope only
    const isHeld = variant === 'assigned' || variant === 'accepted' || variant === 'in_progress';
    expect(outcomes.supervisor!.offered).toEqual(isHeld ? ['remind'] : []);
    expect(outcomes.admin!.offered).toEqual(isHeld ? ['remind'] : []);
    expect(outcomes.farSupervisor!.offered).toEqual([]);
    expect(outcomes.leader!.offered).toEqual([]);
  });
});
