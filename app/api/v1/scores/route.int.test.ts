// GET /api/v1/scores end to end (without HTTP): the contract's row shape, ranks with null totals last,
// the month before, scope and roles, cursor paging, zh-CN 400s.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../lib/db/sql';
import { createIngestWorld, type IngestWorld } from '../../../../lib/items/test-fixtures';
import { recomputeScores } from '../../../../lib/scoring/store/recompute-scores';
import { insertObligation } from '../../../../lib/scoring/store/test-fixtures';
import { GET } from './route';

let world: IngestWorld;

const get = (query: string, cookie: string) => GET(new Request(`http://127.0.0.1:3000/api/v1/scores?${query}`, { headers: { cookie } }));

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const base = { entryId: world.entries.monthly.id, departmentId: world.department.id, regionCode: world.regions.county.code };
  // October 5 of 5 on time; November 4 of 5 on time; the other department has nothing due
  for (let i = 0; i < 5; i += 1) {
    await insertObligation(sql, { ...base, dueDay: '2026-10-20', fulfilledAt: '2026-10-19T10:00:00' });
    await insertObligation(sql, { ...base, dueDay: '2026-11-20', fulfilledAt: i === 0 ? '2026-11-23T10:00:00' : '2026-11-19T10:00:00' });
  }
  const ids = [world.department.id, world.otherDepartment.id, world.farDepartment.id];
  const at = new Date('2026-12-10T00:00:00+08:00');
  await recomputeScores(sql, { period: '2026-10', at, departmentIds: ids });
  await recomputeScores(sql, { period: '2026-11', at, departmentIds: ids });
});

describe('GET /api/v1/scores', () => {
  it('ranks the departments of the leader’s county, null totals last, with the month before and a trend', async () => {
    const response = await get('period=2026-11', world.cookies.leader);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.next).toBeNull();
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toMatchObject({
      departmentId: world.department.id,
      departmentName: world.department.name,
      regionId: world.regions.county.code,
      period: '2026-11',
      total: 80,
      rank: 1,
      previousTotal: 100,
      change: -20,
    });
    expect(body.data[0].breakdown.indicators.find((i: { key: string }) => i.key === 'timeliness')).toMatchObject({ cases: 5, passed: 4 });
    expect(body.data[0].trend.slice(-2)).toEqual([
      { period: '2026-10', total: 100 },
      { period: '2026-11', total: 80 },
    ]);
    expect(body.data[1]).toMatchObject({ departmentId: world.otherDepartment.id, total: null, rank: 2 });
    expect(body.data[1].breakdown.status).toBe('nothing_due');
  });

  it('pages with a cursor', async () => {
    const first = await (await get('period=2026-11&limit=1', world.cookies.leader)).json();
    expect(first.data.map((r: { departmentId: number }) => r.departmentId)).toEqual([world.department.id]);
    const second = await (await get(`period=2026-11&limit=1&cursor=${first.next}`, world.cookies.leader)).json();
    expect(second.data.map((r: { departmentId: number }) => r.departmentId)).toEqual([world.otherDepartment.id]);
    expect(second.next).toBeNull();
  });

  it('shows a province supervisor one region’s subtree on request, and refuses regions outside the scope', async () => {
    const body = await (await get(`period=2026-11&regionId=${world.regions.otherCounty.code}`, world.cookies.provinceSupervisor)).json();
    expect(body.data.map((r: { departmentId: number }) => r.departmentId)).toEqual([world.farDepartment.id]);
    expect((await get(`period=2026-11&regionId=${world.regions.otherCounty.code}`, world.cookies.leader)).status).toBe(403);
  });

  it('refuses department users and bad input with zh-CN messages', async () => {
    expect((await get('period=2026-11', world.cookies.dept)).status).toBe(403);
    const bad = await get('period=2026-13', world.cookies.leader);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.period).toBe('月份格式应为 YYYY-MM');
    expect((await get('period=2026-11', '')).status).toBe(401);
  });
});
