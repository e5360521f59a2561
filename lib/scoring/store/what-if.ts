// 权重试算: the league table a new set of weights would give for a month, beside the one in force, computed
// from the same facts and stored nowhere. Saving is saveWeights (weights-queries.ts).
import { scopeFilter, type Scope } from '../../auth/scope';
import type { Db } from '../../db/sql';
import { computeScore } from '../compute-score';
import { emptyFacts } from '../facts';
import { gatherFacts, subjectKeyString } from './gather-facts';
import type { Period } from '../period';
import { rankScores } from '../rank-scores';
import type { Weights } from '../weights';
import { getCurrentWeights } from './weights-queries';

export interface WhatIfRow {
  departmentId: number;
  departmentName: string;
  regionName: string;
  currentTotal: number | null;
  currentRank: number;
  newTotal: number | null;
  newRank: number;
}

export async function previewWeights(db: Db, scope: Scope, input: { period: Period; weights: Weights; at: Date }): Promise<WhatIfRow[]> {
  const departments = await db<{ id: number; name: string; regionName: string }[]>`
    select d.id, d.name, r.name as "regionName" from departments d join regions r on r.code = d.region_code
    where ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}`;
  const ids = departments.map((d) => d.id);
  const current = await getCurrentWeights(db);
  const [before, after] = await Promise.all([
    gatherFacts(db, { period: input.period, asOf: input.at, weights: current.weights, departmentIds: ids }),
    gatherFacts(db, { period: input.period, asOf: input.at, weights: input.weights, departmentIds: ids }),
  ]);
  const totalOf = (gathered: typeof before, departmentId: number, weights: Weights) =>
    computeScore(gathered.subjects.get(subjectKeyString({ departmentId, positionId: null }))?.facts ?? emptyFacts(), weights).total;
  const rows = departments.map((d) => ({
    departmentId: d.id,
    departmentName: d.name,
    regionName: d.regionName,
    currentTotal: totalOf(before, d.id, current.weights),
    newTotal: totalOf(after, d.id, input.weights),
  }));
  const currentRanks = new Map(rankScores(rows.map((r) => ({ id: r.departmentId, total: r.currentTotal }))).map((r) => [r.id, r.rank]));
  return rankScores(rows.map((r) => ({ ...r, total: r.newTotal }))).map((r) => ({
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    regionName: r.regionName,
    currentTotal: r.currentTotal,
    currentRank: currentRanks.get(r.departmentId)!,
    newTotal: r.newTotal,
    newRank: r.rank,
  }));
}
