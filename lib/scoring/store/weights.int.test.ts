// Weights as versioned data: a save writes a new version and its audit row together; a preview ranks with
// new weights without storing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../../auth/scope';
import { sql } from '../../db/sql';
import { createIngestWorld, type IngestWorld } from '../../items/test-fixtures';
import { insertObligation } from './test-fixtures';
import { DEFAULT_WEIGHTS } from '../weights';
import { getCurrentWeights, saveWeights } from './weights-queries';
import { previewWeights } from './what-if';

let world: IngestWorld;
const AT = new Date('2026-12-10T00:00:00+08:00');

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const base = { entryId: world.entries.monthly.id, regionCode: world.regions.county.code };
  // department: timeliness 3/5; other department: timeliness 5/5, but its items… none: both scored on timeliness alone
  for (let i = 0; i < 5; i += 1) {
    await insertObligation(sql, { ...base, departmentId: world.department.id, dueDay: '2026-11-20', fulfilledAt: i < 3 ? '2026-11-19T10:00:00' : '2026-11-25T10:00:00' });
    await insertObligation(sql, { ...base, entryId: world.otherEntry.id, departmentId: world.otherDepartment.id, dueDay: '2026-11-20', fulfilledAt: '2026-11-19T10:00:00' });
  }
});

afterAll(async () => {
  // other suites of this run score with the default weights
  await sql`delete from score_weights`;
});

describe('score weights', () => {
  it('saves a new version with its audit row in one transaction', async () => {
    const before = await getCurrentWeights(sql);
    const weights = { ...DEFAULT_WEIGHTS, redPenalty: 3 };
    const saved = await saveWeights(sql, { weights, actor: 'admin-test', at: AT });
    expect(saved.version).toBe(before.version + 1);
    expect(await getCurrentWeights(sql)).toEqual({ version: saved.version, weights });
    const [audit] = await sql<{ actor: string; entity_id: string; before: { redPenalty: number }; after: { redPenalty: number } }[]>`
      select actor, entity_id, before, after from audit_log where entity = 'score_weights' order by id desc limit 1`;
    expect(audit).toMatchObject({ actor: 'admin-test', entity_id: String(saved.version), before: { redPenalty: 2 }, after: { redPenalty: 3 } });
  });

  it('refuses weights that are all 0, with a zh-CN message, and saves nothing', async () => {
    const version = (await getCurrentWeights(sql)).version;
    const zero = { ...DEFAULT_WEIGHTS, indicators: Object.fromEntries(Object.keys(DEFAULT_WEIGHTS.indicators).map((k) => [k, 0])) } as typeof DEFAULT_WEIGHTS;
    await expect(saveWeights(sql, { weights: zero, actor: 'admin-test', at: AT })).rejects.toThrow(/至少一项指标的权重必须大于 0/);
    expect((await getCurrentWeights(sql)).version).toBe(version);
  });

  it('previews the ranking new weights would give without storing it', async () => {
    const scope = scopeOf({ id: 1, username: 'admin-test', role: 'admin', regionCode: world.regions.county.code, regionPath: world.regions.county.path, departmentId: null });
    const rows = await previewWeights(sql, scope, { period: '2026-11', weights: DEFAULT_WEIGHTS, at: AT });
    expect(rows.map((r) => [r.departmentId, r.newTotal, r.newRank])).toEqual([
      [world.otherDepartment.id, 100, 1],
      [world.department.id, 60, 2],
    ]);
    // with a minimum sample of 6, nobody has enough cases: both null, sharing the last rank
    const strict = await previewWeights(sql, scope, { period: '2026-11', weights: { ...DEFAULT_WEIGHTS, minCases: 6 }, at: AT });
    expect(strict.map((r) => [r.newTotal, r.newRank, r.currentTotal]).sort()).toEqual([
      [null, 1, 100],
      [null, 1, 60],
    ]);
    const [stored] = await sql<{ n: number }[]>`select count(*)::int as n from scores where department_id = ${world.department.id}`;
    expect(stored!.n).toBe(0);
  });
});
