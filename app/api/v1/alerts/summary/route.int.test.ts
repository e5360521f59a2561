// GET /api/v1/alerts/summary end to end (without HTTP): the wall's counters for each scope, from one
// snapshot whose asOfSeq covers every change it counts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertSummary } from '../../../../../lib/alerts/alert-summary';
import { clearTestAlert, createAlertWorld, openTestAlert, type AlertWorld } from '../../../../../lib/alerts/test-fixtures';
import { sql } from '../../../../../lib/db/sql';
import { GET } from './route';

let world: AlertWorld;

beforeAll(async () => {
  world = await createAlertWorld(sql);
  const { department, otherDepartment, farDepartment } = world;
  await openTestAlert(sql, world, { level: 'red', domain: 'environment' });
  await openTestAlert(sql, world, { level: 'yellow', domain: 'environment' });
  await openTestAlert(sql, world, { level: 'yellow', domain: null });
  await openTestAlert(sql, world, { department: otherDepartment, level: 'orange', domain: 'budgets' });
  await openTestAlert(sql, world, { department: otherDepartment, level: 'orange', domain: 'budgets' });
  await openTestAlert(sql, world, { department: farDepartment, level: 'red', domain: 'taxation' });
  const resolved = await openTestAlert(sql, world, { department, level: 'red', domain: 'budgets' });
  await clearTestAlert(sql, resolved, new Date());
});

async function summary(cookie: string, query = ''): Promise<AlertSummary> {
  const response = await GET(new Request(`http://127.0.0.1:3000/api/v1/alerts/summary${query}`, { headers: { cookie } }));
  expect(response.status).toBe(200);
  return response.json();
}

const domainTotals = (s: AlertSummary) => Object.fromEntries(s.byDomain.filter((d) => d.total > 0).map((d) => [d.domain, d.total]));

describe('GET /api/v1/alerts/summary', () => {
  it('counts a county’s unresolved alerts by level, state, domain and department', async () => {
    const county = await summary(world.cookies.supervisor);
    expect(county.total).toBe(5);
    expect(county.byLevel).toEqual({ yellow: 2, orange: 2, red: 1 });
    expect(county.byState).toEqual({ open: 5, acknowledged: 0 });
    expect(domainTotals(county)).toEqual({ environment: 2, budgets: 2, other: 1 });
    // the nine pilot domains are always there, in their order, so the wall's rows never jump
    expect(county.byDomain.slice(0, 9).map((d) => d.domain)).toEqual([
      'urban_rural_planning', 'major_projects', 'budgets', 'taxation', 'environment', 'food_drug', 'work_safety',
      'public_culture', 'public_legal',
    ]);
    expect(county.topDepartments).toEqual([
      {
        departmentId: world.department.id,
        departmentName: '测试县生态环境局',
        regionId: world.regions.county.code,
        total: 3,
        byLevel: { yellow: 2, orange: 0, red: 1 },
      },
      expect.objectContaining({ departmentId: world.otherDepartment.id, total: 2, byLevel: { yellow: 0, orange: 2, red: 0 } }),
    ]);
  });

  it('covers every change up to asOfSeq', async () => {
    const { asOfSeq } = await summary(world.cookies.supervisor);
    const [row] = await sql<{ max: number }[]>`select max(seq)::int as max from alerts`;
    expect(asOfSeq).toBe(row!.max);
  });

  it('follows each user’s scope: department, other county, province', async () => {
    const dept = await summary(world.cookies.dept);
    expect(dept.total).toBe(3);
    expect(dept.topDepartments.map((d) => d.departmentId)).toEqual([world.department.id]);

    const far = await summary(world.cookies.farSupervisor);
    expect(far.total).toBe(1);
    expect(domainTotals(far)).toEqual({ taxation: 1 });

    const province = await summary(world.cookies.provinceSupervisor);
    expect(province.total).toBe(6);
    expect(province.byLevel).toEqual({ yellow: 2, orange: 2, red: 2 });
  });

  it('counts acknowledged alerts as unresolved, and drops them once resolved', async () => {
    const before = await summary(world.cookies.supervisor);
    const id = await openTestAlert(sql, world, { level: 'orange' });
    await sql`update alerts set state = 'acknowledged', acknowledged_at = now(), acknowledged_by = 'test', seq = nextval('alert_seq') where id = ${id}`;
    const acknowledged = await summary(world.cookies.supervisor);
    expect(acknowledged.total).toBe(before.total + 1);
    expect(acknowledged.byState.acknowledged).toBe(before.byState.acknowledged + 1);
    await clearTestAlert(sql, id, new Date());
    expect((await summary(world.cookies.supervisor)).total).toBe(before.total);
  });

  it('follows the list’s filter: a department, a level, a search, and a state among the unresolved', async () => {
    const oneDepartment = await summary(world.cookies.supervisor, `?departmentId=${world.otherDepartment.id}`);
    expect(oneDepartment.total).toBe(2);
    expect(oneDepartment.topDepartments.map((d) => d.departmentId)).toEqual([world.otherDepartment.id]);
    expect(domainTotals(oneDepartment)).toEqual({ budgets: 2 });
    const red = await summary(world.cookies.supervisor, '?level=red');
    expect(red.byLevel).toEqual({ yellow: 0, orange: 0, red: 1 });
    const searched = await summary(world.cookies.supervisor, `?q=${encodeURIComponent('生态环境')}`);
    expect(searched.total).toBe(3);
    // the counters count unresolved alerts whatever state the list shows, and one state when it names it
    expect((await summary(world.cookies.supervisor, '?state=resolved')).total).toBe(5);
    expect((await summary(world.cookies.supervisor, '?state=acknowledged')).total).toBe(0);
  });

  it('400 for a filter it cannot read', async () => {
    const response = await GET(new Request('http://127.0.0.1:3000/api/v1/alerts/summary?level=purple', { headers: { cookie: world.cookies.supervisor } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.level).toBe('level 应为 yellow/orange/red');
  });

  it('401 without a session', async () => {
    const response = await GET(new Request('http://127.0.0.1:3000/api/v1/alerts/summary'));
    expect(response.status).toBe(401);
  });
});
