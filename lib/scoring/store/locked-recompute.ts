// Recomputes in a transaction that holds advisory locks, so two recomputes of one department-month never
// overlap (the one that read the older facts could otherwise write last) and a month's full pass excludes
// them all: shared per month plus exclusive per department-month, or exclusive per month.
import type { Sql } from '../../db/sql';
import type { Period } from '../period';
import { recomputeScores, type ScoreChange } from './recompute-scores';

const MONTH_LOCK = 727_115_320;

/**
 * The given department-months, one set-based recompute per month however many departments it names: the
 * score worker hands over every touch waiting at once, so a burst across a province's departments costs a
 * few passes rather than one per department.
 */
export async function recomputeDepartmentMonths(
  sql: Sql,
  touches: readonly { departmentId: number; period: Period }[],
  at: Date,
): Promise<ScoreChange[]> {
  const byPeriod = new Map<Period, Set<number>>();
  for (const touch of touches) byPeriod.set(touch.period, (byPeriod.get(touch.period) ?? new Set()).add(touch.departmentId));
  const changes: ScoreChange[] = [];
  for (const [period, ids] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const departmentIds = [...ids].sort((a, b) => a - b);
    const changed = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock_shared(${MONTH_LOCK}, hashtext(${period}))`;
      // in ascending order: two passes over overlapping departments never each hold a lock the other awaits
      await tx`
        select pg_advisory_xact_lock(hashtext(${period}), d.id)
        from (select id from unnest(${departmentIds}::int[]) as id order by id) d`;
      return recomputeScores(tx, { period, at, departmentIds });
    });
    changes.push(...(changed as ScoreChange[]));
  }
  return changes;
}

export function recomputeMonth(sql: Sql, input: { period: Period; at: Date }): Promise<ScoreChange[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MONTH_LOCK}, hashtext(${input.period}))`;
    return recomputeScores(tx, input);
  }) as Promise<ScoreChange[]>;
}
