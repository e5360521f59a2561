// Scores every month from the first one with facts up to the running one, so a freshly seeded (or imported)
// database shows leaders its history at once. Idempotent: months already scored on the same facts change nothing.
import type { Db } from '../../db/sql';
import { addMonths, periodOf, periodOfDeadline, type Period } from '../period';
import { recomputeScores } from './recompute-scores';

const MAX_MONTHS = 36;

export async function scoreHistory(db: Db, input: { at: Date }): Promise<{ periods: Period[]; changed: number }> {
  const [row] = await db<{ firstDue: Date | null }[]>`select min(due_at) as "firstDue" from obligations`;
  const last = periodOf(input.at);
  if (!row?.firstDue) return { periods: [], changed: 0 };
  let first = periodOfDeadline(row.firstDue);
  if (first > last) first = last;
  const earliest = addMonths(last, -(MAX_MONTHS - 1));
  if (first < earliest) first = earliest;
  const periods: Period[] = [];
  let changed = 0;
  for (let period = first; period <= last; period = addMonths(period, 1)) {
    periods.push(period);
    changed += (await recomputeScores(db, { period, at: input.at })).length;
  }
  return { periods, changed };
}
