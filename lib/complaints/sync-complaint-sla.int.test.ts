// A complaint's SLA alert inside the transitions: raised when a step leaves it late, kept on the department
// that holds it (改派 moves it), resolved when the complaint is replied to.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { actOnComplaint } from './act-on-complaint';
import { createComplaintWorld, fileTestComplaint, type ComplaintWorld } from './test-fixtures';

const at = (local: string) => new Date(`${local}+08:00`);
let world: ComplaintWorld;

beforeAll(async () => {
  world = await createComplaintWorld(sql);
});

const alertsOf = (complaintId: number) =>
  sql<{ state: string; level: string; department_id: number; message: string }[]>`
    select state, level, department_id, message from alerts
    where rule_kind = 'complaint_sla' and subject_type = 'complaint' and subject_id = ${complaintId} order by id`;

describe('complaint SLA alerts in transitions', () => {
  it('a late dispatch raises, a dispatch to another department moves the reply alert there, the reply resolves it', async () => {
    // received 2026-10-12: dispatch due 10-13, reply due 10-29 (13 working days)
    const filed = await fileTestComplaint(sql, world, at('2026-10-12T09:00:00'));
    expect(await alertsOf(filed.id)).toEqual([]);

    // dispatched weeks later, to the other department: the reply is red by then, on the new department
    const assigned = await actOnComplaint(sql, world.handler.scope, filed.id, { action: 'assign', departmentId: world.otherDepartment.id }, at('2026-11-10T10:00:00'));
    expect(assigned).toMatchObject({ ok: true, state: 'assigned' });
    const alerts = await alertsOf(filed.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'open', level: 'red', department_id: world.otherDepartment.id });
    expect(alerts[0]!.message).toMatch(/^答复严重超期：投诉件 .+ 应于 2026-10-29 前答复$/);

    // 改派 back to the first department: the other department's alert resolves, the first one's opens
    await actOnComplaint(sql, world.handler.scope, filed.id, { action: 'assign', departmentId: world.department.id }, at('2026-11-10T11:00:00'));
    expect((await alertsOf(filed.id)).map((a) => [a.state, a.department_id])).toEqual([
      ['resolved', world.otherDepartment.id],
      ['open', world.department.id],
    ]);

    const deptScope = world.deptScope;
    await actOnComplaint(sql, deptScope, filed.id, { action: 'accept' }, at('2026-11-10T14:00:00'));
    const replied = await actOnComplaint(sql, deptScope, filed.id, { action: 'reply', reply: '已在政府网站补充公开。' }, at('2026-11-11T09:00:00'));
    expect(replied).toMatchObject({ ok: true, state: 'replied' });
    expect((await alertsOf(filed.id)).map((a) => a.state)).toEqual(['resolved', 'resolved']);
    const [row] = await sql<{ level: string; next_check_at: Date | null }[]>`select level, next_check_at from complaints where id = ${filed.id}`;
    expect(row).toEqual({ level: 'none', next_check_at: null });
  });
});
