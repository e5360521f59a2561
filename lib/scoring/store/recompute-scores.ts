// Computes and stores the scores of one month: every department (or the given ones) and every position a
// fact names. Rows are upserted against scores' unique key; only rows whose result changed come back, so
// the caller pushes score:updated for real changes only. Running it twice changes nothing.
import type { Db } from '../../db/sql';
import { computeScore, type ScoreResult } from '../compute-score';
import { emptyFacts } from '../facts';
import { gatherFacts, subjectKeyString } from './gather-facts';
import type { Period } from '../period';
import { getCurrentWeights } from './weights-queries';

export interface ScoreChange {
  subjectType: 'department' | 'position';
  departmentId: number;
  positionId: number | null;
  regionId: string;
  regionPath: string;
  period: Period;
  total: number | null;
}

interface DepartmentRow {
  id: number;
  regionCode: string;
}

const UPSERT_BATCH = 1000;

export async function recomputeScores(
  db: Db,
  input: { period: Period; at: Date; departmentIds?: readonly number[] },
): Promise<ScoreChange[]> {
  const ids = input.departmentIds ? [...new Set(input.departmentIds)] : null;
  if (ids && ids.length === 0) return [];
  const { version, weights } = await getCurrentWeights(db);
  const { subjects } = await gatherFacts(db, { period: input.period, asOf: input.at, weights, departmentIds: ids ?? undefined });
  const departments = await db<DepartmentRow[]>`
    select id, region_code as "regionCode" from departments
    ${ids ? db`where id = any(${ids}::bigint[])` : db``}`;
  const regionOf = new Map(departments.map((d) => [d.id, d.regionCode]));

  const rows: { subjectType: 'department' | 'position'; departmentId: number; positionId: number | null; result: ScoreResult }[] = [];
  // every department gets a row, so one with nothing due still shows in the league table (as —)
  for (const d of departments) {
    const facts = subjects.get(subjectKeyString({ departmentId: d.id, positionId: null }))?.facts ?? emptyFacts();
    rows.push({ subjectType: 'department', departmentId: d.id, positionId: null, result: computeScore(facts, weights) });
  }
  for (const subject of subjects.values()) {
    if (subject.positionId === null || !regionOf.has(subject.departmentId)) continue;
    rows.push({ subjectType: 'position', departmentId: subject.departmentId, positionId: subject.positionId, result: computeScore(subject.facts, weights) });
  }

  const changed: { subject_type: 'department' | 'position'; department_id: number; position_id: number | null; total: string | null }[] = [];
  for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
    const batch = rows.slice(i, i + UPSERT_BATCH);
    const result = await db<typeof changed>`
      insert into scores (subject_type, department_id, position_id, region_code, period, total, breakdown, weights_version, computed_at)
      select t.subject_type, t.department_id, t.position_id, t.region_code, ${input.period}, t.total, t.breakdown,
        ${version}, ${input.at}
      from unnest(
        ${batch.map((r) => r.subjectType)}::text[],
        ${batch.map((r) => r.departmentId)}::bigint[],
        ${batch.map((r) => r.positionId) as number[]}::bigint[],
        ${batch.map((r) => regionOf.get(r.departmentId)!)}::text[],
        ${batch.map((r) => r.result.total) as number[]}::numeric[],
        ${batch.map((r) => JSON.stringify(r.result))}::text[]::jsonb[]
      ) as t(subject_type, department_id, position_id, region_code, total, breakdown)
      on conflict (subject_type, department_id, coalesce(position_id, 0), period) do update
        set total = excluded.total, breakdown = excluded.breakdown, weights_version = excluded.weights_version,
          computed_at = excluded.computed_at, region_code = excluded.region_code
        where scores.total is distinct from excluded.total or scores.breakdown is distinct from excluded.breakdown
          or scores.weights_version is distinct from excluded.weights_version
      returning subject_type, department_id, position_id, total`;
    changed.push(...result);
  }

  // a position whose facts all went away (e.g. an item moved to another post) loses its row
  const positionKeys = rows.filter((r) => r.subjectType === 'position').map((r) => `${r.departmentId}:${r.positionId}`);
  const removed = await db<typeof changed>`
    delete from scores s
    where s.subject_type = 'position' and s.period = ${input.period}
      ${ids ? db`and s.department_id = any(${ids}::bigint[])` : db``}
      and not (s.department_id::text || ':' || s.position_id::text = any(${positionKeys}::text[]))
    returning subject_type, department_id, position_id, null::numeric as total`;
  changed.push(...removed);
  if (changed.length === 0) return [];

  const paths = await db<{ code: string; path: string }[]>`
    select code, path from regions where code = any(${[...new Set(changed.map((c) => regionOf.get(c.department_id)!))]}::text[])`;
  const pathOf = new Map(paths.map((p) => [p.code, p.path]));
  return changed.map((c) => {
    const regionId = regionOf.get(c.department_id)!;
    return {
      subjectType: c.subject_type,
      departmentId: c.department_id,
      positionId: c.position_id,
      regionId,
      regionPath: pathOf.get(regionId)!,
      period: input.period,
      total: c.total === null ? null : Number(c.total),
    };
  });
}
