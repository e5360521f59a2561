// 依申请公开按时答复率 from Postgres: two departments with five obligations (all on time) and five requests due in
// November each, one request answered a day late in one department — that department scores lower, the lost
// points name the request, and the what-if weighs the indicator with the weight it is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../../auth/scope';
import { closeSql, sql } from '../../db/sql';
import { createIngestWorld, type IngestWorld } from '../../items/test-fixtures';
import type { ScoreResult } from '../compute-score';
import { DEFAULT_WEIGHTS } from '../weights';
import { recomputeScores } from './recompute-scores';
import { insertObligation, insertRequest } from './test-fixtures';
import { previewWeights } from './what-if';

const AS_OF = new Date('2026-12-10T12:00:00+08:00');
let world: IngestWorld;
let late: { id: number; trackingCode: string };

beforeAll(async () => {
  world = await createIngestWorld(sql);
  for (const department of [world.department, world.otherDepartment]) {
    const entryId = department === world.department ? world.entries.monthly.id : world.otherEntry.id;
    for (let i = 0; i < 5; i += 1) {
      await insertObligation(sql, { entryId, departmentId: department.id, regionCode: world.regions.county.code, dueDay: '2026-11-20', fulfilledAt: '2026-11-19T10:00:00' });
      const isTheLateOne = department === world.department && i === 0;
      const request = await insertRequest(sql, {
        departmentId: department.id,
        regionCode: world.regions.county.code,
        receivedAt: '2026-10-26T09:00:00',
        dueDay: '2026-11-23',
        repliedAt: isTheLateOne ? '2026-11-24T10:00:00' : '2026-11-20T10:00:00',
      });
      if (isTheLateOne) late = request;
    }
  }
  // not November's: withdrawn before its deadline (no reply owed), and one abandoned after a 补正
  const base = { departmentId: world.department.id, regionCode: world.regions.county.code, receivedAt: '2026-10-26T09:00:00', dueDay: '2026-11-23' };
  await insertRequest(sql, { ...base, ended: { state: 'withdrawn', at: '2026-11-10T10:00:00' } });
  await insertRequest(sql, { ...base, ended: { state: 'abandoned', at: '2026-11-30T00:00:00' } });
});

afterAll(async () => {
  await closeSql();
});

async function breakdownOf(departmentId: number): Promise<{ total: number | null; breakdown: ScoreResult }> {
  const [row] = await sql<{ total: string | null; breakdown: ScoreResult }[]>`
    select total, breakdown from scores where subject_type = 'department' and department_id = ${departmentId} and period = '2026-11'`;
  return { total: row!.total === null ? null : Number(row!.total), breakdown: row!.breakdown };
}

describe('依申请公开按时答复率', () => {
  it('scores a department with a late reply lower than one without, naming the late request', async () => {
    await recomputeScores(sql, { period: '2026-11', at: AS_OF, departmentIds: [world.department.id, world.otherDepartment.id] });
    const withLate = await breakdownOf(world.department.id);
    const onTime = await breakdownOf(world.otherDepartment.id);
    expect(onTime.total).toBe(100);
    // default weights, timeliness 30 (5/5) and requestReply 10 (4/5): 100 × (30 + 8) / 40 = 95
    expect(withLate.total).toBe(95);
    expect(withLate.total!).toBeLessThan(onTime.total!);
    expect(withLate.breakdown.indicators.find((i) => i.key === 'requestReply')).toMatchObject({ status: 'scored', cases: 5, passed: 4, label: '依申请公开按时答复率' });
    expect(withLate.breakdown.losses).toEqual([
      {
        indicator: 'requestReply',
        points: 5,
        ref: expect.objectContaining({ kind: 'request', id: late.id, requestId: late.id, label: `依申请公开 ${late.trackingCode} 应于 2026-11-23 24:00 前答复，2026-11-24 10:00 才答复（逾期）` }),
      },
    ]);
  });

  it('is weighed in the what-if with the weight it is given', async () => {
    const scope = scopeOf({ id: 1, username: 'admin-test', role: 'admin', regionCode: world.regions.county.code, regionPath: world.regions.county.path, departmentId: null });
    const heavier = { ...DEFAULT_WEIGHTS, indicators: { ...DEFAULT_WEIGHTS.indicators, requestReply: 30 } };
    const rows = await previewWeights(sql, scope, { period: '2026-11', weights: heavier, at: AS_OF });
    // 100 × (30 + 30 × 0.8) / 60 = 90
    expect(rows.find((r) => r.departmentId === world.department.id)).toMatchObject({ currentTotal: 95, newTotal: 90 });
    expect(rows.find((r) => r.departmentId === world.otherDepartment.id)).toMatchObject({ currentTotal: 100, newTotal: 100 });
  });
});
