// GET /api/v1/alerts end to end (without HTTP): the contract's default order, the wall's opening order with
// its cursor, and every filter (state, level, domain, department, opened from/to), always within scope.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../lib/alerts/alert';
import { acknowledgeAlert } from '../../../../lib/alerts/acknowledge-alert';
import { clearTestAlert, createAlertWorld, openTestAlert, type AlertWorld } from '../../../../lib/alerts/test-fixtures';
import { scopeOf } from '../../../../lib/auth/scope';
import { sql } from '../../../../lib/db/sql';
import { GET } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: AlertWorld;
const ids: Record<string, number> = {};

const day = (iso: string) => new Date(iso);

beforeAll(async () => {
  world = await createAlertWorld(sql);
  ids.envYellow = await openTestAlert(sql, world, { level: 'yellow', domain: 'environment', at: day('2026-11-02T09:00:00+08:00') });
  ids.envRed = await openTestAlert(sql, world, { level: 'red', domain: 'environment', at: day('2026-11-10T23:59:00+08:00') });
  ids.budget = await openTestAlert(sql, world, {
    department: world.otherDepartment,
    level: 'orange',
    domain: 'budgets',
    at: day('2026-11-11T00:00:00+08:00'),
  });
  ids.noDomain = await openTestAlert(sql, world, { level: 'orange', domain: null, at: day('2026-11-12T08:00:00+08:00') });
  ids.far = await openTestAlert(sql, world, { department: world.farDepartment, level: 'red', at: day('2026-11-12T09:00:00+08:00') });
  ids.resolved = await openTestAlert(sql, world, { level: 'yellow', at: day('2026-11-13T08:00:00+08:00') });
  await clearTestAlert(sql, ids.resolved, day('2026-11-14T08:00:00+08:00'));
  // acknowledged after it was opened: its seq is now the highest of the county's alerts
  const { county } = world.regions;
  const scope = scopeOf({ id: 0, username: 'test-supervisor', role: 'supervisor', regionCode: county.code, regionPath: county.path, departmentId: null });
  await acknowledgeAlert(sql, scope, ids.envYellow!, day('2026-11-15T08:00:00+08:00'));
});

async function list(query: string, cookie = world.cookies.supervisor): Promise<{ status: number; body: { data: Alert[]; next: string | null; error?: { message: string; fields?: Record<string, string> } } }> {
  const response = await GET(new Request(`${ORIGIN}/api/v1/alerts${query}`, { headers: { cookie } }));
  return { status: response.status, body: await response.json() };
}

const idsOf = (alerts: Alert[]) => alerts.map((alert) => alert.id);

describe('GET /api/v1/alerts', () => {
  it('answers the contract’s shape, newest change first by default, with the assignee fields', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(idsOf(body.data)[0]).toBe(ids.envYellow);
    expect(body.data[0]).toMatchObject({
      id: ids.envYellow,
      seq: expect.any(Number),
      rule: { id: world.ruleId, kind: 'completeness' },
      level: 'yellow',
      state: 'acknowledged',
      subject: { type: 'item', id: expect.any(Number), title: expect.stringMatching(/^公开信息 #\d+$/) },
      departmentId: world.department.id,
      departmentName: '测试县生态环境局',
      regionId: world.regions.county.code,
      domain: 'environment',
      assignedDepartmentId: null,
      assignedDepartmentName: null,
      assignedPositionId: null,
      assignedPositionName: null,
      openedAt: '2026-11-02T01:00:00.000Z',
    });
    expect(idsOf(body.data)).not.toContain(ids.far);
  });

  it('lists the wall’s opening order, newest opened first, page by page with an id cursor', async () => {
    const first = await list('?order=opened&state=unresolved&limit=2');
    expect(idsOf(first.body.data)).toEqual([ids.noDomain, ids.budget]);
    expect(first.body.next).not.toBeNull();
    const second = await list(`?order=opened&state=unresolved&limit=2&cursor=${first.body.next}`);
    expect(idsOf(second.body.data)).toEqual([ids.envRed, ids.envYellow]);
    expect(second.body.next).toBeNull();
    // a cursor of one order is refused by the other
    const mixed = await list(`?state=unresolved&limit=2&cursor=${first.body.next}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error!.fields!.cursor).toMatch(/cursor 无效/);
  });

  it('filters by state, level, domain and department', async () => {
    expect(idsOf((await list('?order=opened&state=resolved')).body.data)).toEqual([ids.resolved]);
    expect(idsOf((await list('?order=opened&state=open&level=red')).body.data)).toEqual([ids.envRed]);
    expect(idsOf((await list('?order=opened&state=all&domain=environment')).body.data).sort()).toEqual(
      [ids.envYellow, ids.envRed, ids.resolved].sort(),
    );
    expect(idsOf((await list('?order=opened&domain=other')).body.data)).toEqual([ids.noDomain]);
    expect(idsOf((await list(`?order=opened&departmentId=${world.otherDepartment.id}`)).body.data)).toEqual([ids.budget]);
  });

  it('searches the subject’s title, the department’s name and the message, keeping the other filters', async () => {
    const departmentHit = idsOf((await list(`?order=opened&state=all&q=${encodeURIComponent('财政局')}`)).body.data);
    expect(departmentHit).toEqual([ids.budget]);
    const messageHit = idsOf((await list(`?order=opened&state=all&q=${encodeURIComponent('缺少索引号')}&level=red`)).body.data);
    expect(messageHit).toEqual([ids.envRed]);
    // the title of an item subject without an item is its number: 公开信息 #<subject id>
    expect(idsOf((await list(`?order=opened&q=${encodeURIComponent('不存在的文字')}`)).body.data)).toEqual([]);
    // % and _ are taken literally, not as patterns
    expect(idsOf((await list('?order=opened&q=%25')).body.data)).toEqual([]);
    // a blank search is no search
    expect((await list('?order=opened&state=unresolved&q=%20%20')).body.data).toHaveLength(4);
    const tooLong = await list(`?q=${'字'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error!.fields!.q).toBe('搜索内容不超过 100 字');
  });

  it('filters by the day an alert opened, a bare day being that whole day in Asia/Shanghai', async () => {
    // 2026-11-10 23:59 is in, 2026-11-11 00:00 is the next day
    expect(idsOf((await list('?order=opened&state=all&from=2026-11-03&to=2026-11-10')).body.data)).toEqual([ids.envRed]);
    expect(idsOf((await list('?order=opened&state=all&from=2026-11-11&to=2026-11-11')).body.data)).toEqual([ids.budget]);
    // an instant with an offset is exact, and `to` includes it
    expect(idsOf((await list('?order=opened&state=all&from=2026-11-12T08:00:00%2B08:00&to=2026-11-12T08:00:00%2B08:00')).body.data)).toEqual([
      ids.noDomain,
    ]);
  });

  it('shows a department user their department only, and another county’s supervisor nothing of this one', async () => {
    const dept = idsOf((await list('?order=opened&state=all', world.cookies.dept)).body.data);
    expect(dept).not.toContain(ids.budget);
    expect(dept).toContain(ids.envRed);
    const far = idsOf((await list('?order=opened&state=all', world.cookies.farSupervisor)).body.data);
    expect(far).toEqual([ids.far]);
    const province = idsOf((await list('?order=opened&state=all', world.cookies.provinceSupervisor)).body.data);
    expect(province).toEqual(expect.arrayContaining([ids.far, ids.budget, ids.envRed]));
  });

  it.each([
    ['?domain=space', 'domain'],
    ['?from=2026-02-30', 'from'],
    ['?to=2026-11-02T10:00:00', 'to'],
    ['?from=2026-11-10&to=2026-11-01', 'to'],
    ['?order=random', 'order'],
    ['?state=closed', 'state'],
  ])('refuses %s with 400 and a zh-CN message for %s', async (query, field) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.error!.fields![field]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('401 without a session', async () => {
    expect((await list('', 'dw_session=nope')).status).toBe(401);
  });
});
