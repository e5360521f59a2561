// 回看 end to end (without HTTP): GET /api/v1/alerts, /summary and /daily with `asOf` show an alert as it stood
// between the steps of its life — opened yellow, escalated to orange, assigned, resolved — and not at all
// before it opened; each user sees only their scope; a moment still to come or unreadable is a zh-CN 400.
import { randomInt } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../lib/alerts/alert';
import type { AlertSummary } from '../../../../lib/alerts/alert-summary';
import { raiseAlert } from '../../../../lib/alerts/apply-findings';
import { assignAlert } from '../../../../lib/alerts/assign-alert';
import type { DailyAlertCount } from '../../../../lib/alerts/daily-stats';
import { clearTestAlert, createAlertWorld, openTestAlert, type AlertWorld } from '../../../../lib/alerts/test-fixtures';
import { scopeOf } from '../../../../lib/auth/scope';
import { setClockOffset } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import type { AlertLevel } from '../../../../lib/rules/rule';
import { GET as getDaily } from './daily/route';
import { GET as getList } from './route';
import { GET as getSummary } from './summary/route';

const at = (iso: string) => new Date(iso);
const OPENED = at('2026-11-02T10:00:00+08:00');
const ESCALATED = at('2026-11-03T10:00:00+08:00');
const ASSIGNED = at('2026-11-04T10:00:00+08:00');
const RESOLVED = at('2026-11-05T10:00:00+08:00');
const hourAfter = (moment: Date) => new Date(moment.getTime() + 3_600_000).toISOString();

let world: AlertWorld;
let watched: number;
let other: number;
let far: number;

beforeAll(async () => {
  world = await createAlertWorld(sql);
  const subjectId = randomInt(1, 2 ** 47);
  const finding = (level: AlertLevel, message: string) => ({
    ruleKind: 'completeness' as const,
    subjectType: 'item' as const,
    subjectId,
    ruleId: world.ruleId,
    level,
    subjectVersion: 1,
    departmentId: world.department.id,
    regionCode: world.department.regionCode,
    domain: 'environment' as const,
    message,
  });
  watched = (await sql.begin((tx) => raiseAlert(tx, finding('yellow', '要素不全：缺少索引号'), OPENED)))!.alertId;
  await sql.begin((tx) => raiseAlert(tx, finding('orange', '要素不全：缺少索引号、文号'), ESCALATED));
  const supervisor = scopeOf({
    id: 1,
    username: 'as-of-test',
    role: 'supervisor',
    regionCode: world.regions.county.code,
    regionPath: world.regions.county.path,
    departmentId: null,
  });
  const assigned = await assignAlert(sql, supervisor, watched, { departmentId: world.otherDepartment.id }, ASSIGNED);
  expect(assigned.ok).toBe(true);
  await clearTestAlert(sql, watched, RESOLVED);

  other = await openTestAlert(sql, world, { department: world.otherDepartment, level: 'red', domain: 'budgets', at: ESCALATED });
  far = await openTestAlert(sql, world, { department: world.farDepartment, level: 'yellow', at: OPENED });
});

afterEach(() => setClockOffset(0));

async function call(handler: (request: Request) => Promise<Response>, path: string, cookie = world.cookies.supervisor) {
  const response = await handler(new Request(`http://127.0.0.1:3000${path}`, { headers: { cookie } }));
  return { status: response.status, body: await response.json() };
}

async function listAt(moment: string, query = 'state=all', cookie?: string): Promise<Alert[]> {
  const { status, body } = await call(getList, `/api/v1/alerts?${query}&asOf=${encodeURIComponent(moment)}`, cookie);
  expect(status).toBe(200);
  return (body as { data: Alert[] }).data;
}

async function watchedAt(moment: string): Promise<Alert | undefined> {
  return (await listAt(moment)).find((alert) => alert.id === watched);
}

async function summaryAt(moment: string, cookie?: string, query = ''): Promise<AlertSummary> {
  const { status, body } = await call(getSummary, `/api/v1/alerts/summary?asOf=${encodeURIComponent(moment)}${query}`, cookie);
  expect(status).toBe(200);
  return body as AlertSummary;
}

describe('GET /api/v1/alerts?asOf=', () => {
  it('does not know the alert before it opened', async () => {
    expect(await watchedAt(new Date(OPENED.getTime() - 60_000).toISOString())).toBeUndefined();
  });

  it('shows the alert open and yellow after it opened, with the message of then', async () => {
    expect(await watchedAt(hourAfter(OPENED))).toMatchObject({
      state: 'open',
      level: 'yellow',
      message: '要素不全：缺少索引号',
      acknowledgedAt: null,
      assignedDepartmentId: null,
      resolvedAt: null,
    });
  });

  it('shows it orange once escalated, still open', async () => {
    expect(await watchedAt(hourAfter(ESCALATED))).toMatchObject({ state: 'open', level: 'orange', message: '要素不全：缺少索引号、文号' });
  });

  it('shows it acknowledged and assigned after the assignment', async () => {
    expect(await watchedAt(hourAfter(ASSIGNED))).toMatchObject({
      state: 'acknowledged',
      level: 'orange',
      acknowledgedBy: 'as-of-test',
      assignedDepartmentId: world.otherDepartment.id,
      assignedDepartmentName: world.otherDepartment.name,
      resolvedAt: null,
    });
  });

  it('shows it resolved after it was resolved, and out of the unresolved list', async () => {
    expect(await watchedAt(hourAfter(RESOLVED))).toMatchObject({ state: 'resolved', resolution: 'auto' });
    const unresolved = await listAt(hourAfter(RESOLVED), 'state=unresolved');
    expect(unresolved.map((alert) => alert.id)).toEqual([other]);
    const stillOpen = await listAt(hourAfter(ASSIGNED), 'state=unresolved&level=orange');
    expect(stillOpen.map((alert) => alert.id)).toEqual([watched]);
  });

  it('filters by the state and level of the moment, and pages in its seq order', async () => {
    const moment = hourAfter(ESCALATED);
    expect((await listAt(moment, 'state=open&level=yellow')).map((alert) => alert.id)).toEqual([]);
    expect((await listAt(moment, 'state=acknowledged')).map((alert) => alert.id)).toEqual([]);
    const first = await call(getList, `/api/v1/alerts?limit=1&asOf=${encodeURIComponent(moment)}`);
    expect(first.status).toBe(200);
    const second = await call(getList, `/api/v1/alerts?limit=1&cursor=${first.body.next}&asOf=${encodeURIComponent(moment)}`);
    const ids = [...first.body.data, ...second.body.data].map((alert: Alert) => alert.id);
    expect(ids.sort()).toEqual([watched, other].sort());
    expect(second.body.next).toBeNull();
    // the seq of that moment, not the seq the alert has since its later changes
    const [watchedThen] = (await listAt(moment)).filter((alert) => alert.id === watched);
    const [now] = await sql<{ seq: number }[]>`select seq from alerts where id = ${watched}`;
    expect(watchedThen!.seq).toBeLessThan(now!.seq);
  });

  it('keeps to each user’s scope', async () => {
    const moment = hourAfter(ASSIGNED);
    expect((await listAt(moment, 'state=all', world.cookies.farSupervisor)).map((alert) => alert.id)).toEqual([far]);
    expect((await listAt(moment, 'state=all', world.cookies.dept)).map((alert) => alert.id)).toEqual([watched]);
    const province = (await listAt(moment, 'state=all', world.cookies.provinceSupervisor)).map((alert) => alert.id);
    expect(province.sort()).toEqual([watched, other, far].sort());
  });
});

describe('GET /api/v1/alerts/summary?asOf=', () => {
  it('counts what was unresolved then, by its level and state then', async () => {
    const opened = await summaryAt(hourAfter(OPENED));
    expect(opened.total).toBe(1);
    expect(opened.byLevel).toEqual({ yellow: 1, orange: 0, red: 0 });

    const assigned = await summaryAt(hourAfter(ASSIGNED));
    expect(assigned.total).toBe(2);
    expect(assigned.byLevel).toEqual({ yellow: 0, orange: 1, red: 1 });
    expect(assigned.byState).toEqual({ open: 1, acknowledged: 1 });
    // one each: the red one first
    expect(assigned.topDepartments.map((d) => [d.departmentId, d.total])).toEqual([
      [world.otherDepartment.id, 1],
      [world.department.id, 1],
    ]);

    const resolved = await summaryAt(hourAfter(RESOLVED));
    expect(resolved.byLevel).toEqual({ yellow: 0, orange: 0, red: 1 });
  });

  it('follows the list’s filter and search, reading level and state as they were then', async () => {
    const moment = hourAfter(ASSIGNED);
    expect((await summaryAt(moment, undefined, `&departmentId=${world.otherDepartment.id}`)).byLevel).toEqual({ yellow: 0, orange: 0, red: 1 });
    // orange then, yellow when it opened: the level filter reads the moment's level
    expect((await summaryAt(moment, undefined, '&level=orange')).total).toBe(1);
    expect((await summaryAt(hourAfter(OPENED), undefined, '&level=orange')).total).toBe(0);
    expect((await summaryAt(moment, undefined, '&state=acknowledged')).byLevel).toEqual({ yellow: 0, orange: 1, red: 0 });
    // the search reads the alert's message: every test alert says 缺少索引号, only the watched one also 文号
    expect((await summaryAt(moment, undefined, `&q=${encodeURIComponent('文号')}`)).total).toBe(1);
    expect((await listAt(moment, `state=unresolved&q=${encodeURIComponent('文号')}`)).map((a) => a.id)).toEqual([watched]);
    expect((await summaryAt(moment, undefined, `&q=${encodeURIComponent('缺少索引号')}`)).total).toBe(2);
  });

  it('keeps to each user’s scope', async () => {
    expect((await summaryAt(hourAfter(ASSIGNED), world.cookies.farSupervisor)).byLevel).toEqual({ yellow: 1, orange: 0, red: 0 });
    expect((await summaryAt(hourAfter(ASSIGNED), world.cookies.dept)).total).toBe(1);
    expect((await summaryAt(hourAfter(ASSIGNED), world.cookies.provinceSupervisor)).total).toBe(3);
  });
});

describe('GET /api/v1/alerts/daily?asOf=', () => {
  const counts = async (moment: string) => {
    const { status, body } = await call(getDaily, `/api/v1/alerts/daily?days=7&asOf=${encodeURIComponent(moment)}`);
    expect(status).toBe(200);
    const days = body.data as DailyAlertCount[];
    return Object.fromEntries(days.filter((d) => d.opened > 0 || d.resolved > 0).map((d) => [d.day, [d.opened, d.resolved]]));
  };

  it('ends the window at the moment and counts only what had happened by then', async () => {
    expect(await counts(hourAfter(ASSIGNED))).toEqual({ '2026-11-02': [1, 0], '2026-11-03': [1, 0] });
    expect(await counts(hourAfter(RESOLVED))).toEqual({ '2026-11-02': [1, 0], '2026-11-03': [1, 0], '2026-11-05': [0, 1] });
    // an hour before the resolve, on the same day
    expect(await counts(new Date(RESOLVED.getTime() - 3_600_000).toISOString())).toEqual({ '2026-11-02': [1, 0], '2026-11-03': [1, 0] });
  });
});

describe('asOf that cannot be looked back at', () => {
  it('refuses a moment still to come with a zh-CN 400 on every route', async () => {
    setClockOffset(at('2026-11-06T12:00:00+08:00').getTime() - Date.now());
    const future = encodeURIComponent('2026-11-06T12:30:00+08:00');
    for (const [handler, path] of [
      [getList, `/api/v1/alerts?asOf=${future}`],
      [getSummary, `/api/v1/alerts/summary?asOf=${future}`],
      [getDaily, `/api/v1/alerts/daily?asOf=${future}`],
    ] as const) {
      const { status, body } = await call(handler, path);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_input', fields: { asOf: '回看时间不能晚于当前时间' } });
    }
    // a bare day means its 24:00, still to come on that day
    const today = await call(getSummary, '/api/v1/alerts/summary?asOf=2026-11-06');
    expect(today.body.error.fields.asOf).toBe('回看时间不能晚于当前时间（只写日期表示当天 24:00）');
  });

  it('refuses an unreadable moment, a time without offset, and catching up after a seq in the past', async () => {
    const garbled = await call(getList, '/api/v1/alerts?asOf=yesterday');
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.fields.asOf).toMatch(/^回看时间无效：格式应为 ISO 8601/);
    const noOffset = await call(getSummary, '/api/v1/alerts/summary?asOf=2026-11-03T10:00:00');
    expect(noOffset.body.error.fields.asOf).toBe('回看时间无效：缺少时区，请写明如 +08:00 或 Z');
    const afterSeq = await call(getList, `/api/v1/alerts?afterSeq=1&asOf=${encodeURIComponent(hourAfter(OPENED))}`);
    expect(afterSeq.status).toBe(400);
    expect(afterSeq.body.error.fields.afterSeq).toBe('回看（asOf）时不能同时使用 afterSeq');
  });

  it('reads a bare day as its end, and a "+" lost to a space in the address bar', async () => {
    expect((await summaryAt('2026-11-03')).byLevel).toEqual({ yellow: 0, orange: 1, red: 1 });
    const spaced = await call(getSummary, '/api/v1/alerts/summary?asOf=2026-11-03T12:00:00 08:00');
    expect(spaced.status).toBe(200);
    expect(spaced.body.byLevel).toEqual({ yellow: 0, orange: 1, red: 1 });
  });
});
