// Recomputes in a transaction that holds advisory locks, so two recomputes of one department-month never
// overlap (the one that read the older facts could otherwise write last) and a month's full pass excludes
// them all: shared per month plus exclusive per department-month, or exclusive per month.
import type { Sql } from '../db/sql';
import type { Period } from './period';
import { recomputeScores, type ScoreChange } from './recompute-scores';

const MONTH_LOCK = 727_115_320;

export function recomputeDepartmentMonth(sql: Sql, input: { departmentId: number; period: Period; at: Date }): Promise<ScoreChange[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock_shared(${MONTH_LOCK}, hashtext(${input.period}))`;
    await tx`select pg_advisory_xact_lock(hashtext(${input.period}), ${input.departmentId}::int)`;
    return recomputeScores(tx, { period: input.period, at: input.at, departmentIds: [input.departmentId] });
  }) as Promise<ScoreChange[]>;
}

export function recomputeMonth(sql: Sql, input: { period: Period; at: Date }): Promise<ScoreChange[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MONTH_LOCK}, hashtext(${input.period}))`;
    return recomputeScores(tx, input);
  }) as Promise<ScoreChange[]>;
}
