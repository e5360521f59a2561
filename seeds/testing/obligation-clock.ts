// Test support: the seeds date obligation levels and next checks at the clock they ran at. A threshold
// crossed while a seed ran may be on either side, so the check takes the seed's start and end.
import type { Db } from '../../lib/db/sql';
import { levelAt } from '../../lib/deadlines/levels';

interface ObligationClockRow {
  warn_at: Date;
  due_at: Date;
  severe_at: Date;
  fulfilled_at: Date | null;
  level: string;
  next_check_at: Date | null;
}

/** Every obligation, and those out of warn ≤ due ≤ severe order or not at the level of the seed's clock. */
export async function checkObligationClock(
  db: Db,
  seededFrom: Date,
  seededUntil: Date,
): Promise<{ rows: ObligationClockRow[]; wrong: ObligationClockRow[] }> {
  const rows = await db<ObligationClockRow[]>`
    select warn_at, due_at, severe_at, fulfilled_at, level, next_check_at from obligations`;
  const wrong = rows.filter((o) => {
    if (!(o.warn_at <= o.due_at && o.due_at <= o.severe_at)) return true;
    const thresholds = { warnAt: o.warn_at, dueAt: o.due_at, severeAt: o.severe_at, fulfilledAt: o.fulfilled_at };
    if (levelAt(thresholds, seededFrom) !== levelAt(thresholds, seededUntil)) return false;
    return o.level !== levelAt(thresholds, seededFrom) || (o.next_check_at !== null && o.next_check_at <= seededFrom);
  });
  return { rows, wrong };
}
