// Publishing fulfils an obligation (DESIGN §1 Deadlines): fulfilled_at is the item's publishedAt, late
// when that is at or after due_at (isLate of lib/deadlines/levels.ts: at 24:00 of the due day the
// obligation is already overdue), and the lateness is kept for scoring. Fulfilment is recorded once: a
// later correction of publishedAt is kept in the item's history for the office, but does not rewrite
// the lateness a department's own system reported. Un-publishing is not a thing (withdrawal is its own
// event), so nothing here reopens an obligation.
//
// Which obligation an item fulfils:
// - an event-triggered entry's item: its own (obligations.item_id);
// - a periodic or fixed-date entry's item: the oldest open obligation of the same entry (by code, whatever
//   its version) and department whose period had begun when the item was published. Periodic
//   information is usually published after its period closes (the November figures in early December),
//   so "the period the item falls in" would be the wrong one; settling the oldest outstanding period
//   first also means a department that missed a period catches up in order, and that period's lateness
//   is kept. The item is named in fulfilled_by_item_id (migration 0002), for the timeline.
import type { Db } from '../db/sql';
import { isLate, levelAt } from '../deadlines/levels';
import { maxLevel, type Level } from '../rules/level';

export interface FulfilledObligation {
  id: number;
  periodKey: string | null;
  dueAt: Date;
  fulfilledAt: Date;
  isLate: boolean;
  /** The highest level the obligation reached before it was fulfilled. */
  level: Level;
}

interface OpenObligationRow {
  id: number;
  period_key: string | null;
  warn_at: Date;
  due_at: Date;
  severe_at: Date;
  level: Level;
}

/** The level and lateness an open obligation settles with when published at `publishedAt` (pure). */
export function fulfilment(
  thresholds: { warnAt: Date; dueAt: Date; severeAt: Date },
  levelBefore: Level,
  publishedAt: Date,
): { level: Level; isLate: boolean } {
  // the level it had reached by publication, even if the sweep had not got round to recording it
  const level = maxLevel(levelBefore, levelAt(thresholds, publishedAt));
  return { level, isLate: isLate({ ...thresholds, fulfilledAt: publishedAt }) ?? false };
}

async function fulfil(
  tx: Db,
  row: OpenObligationRow,
  input: { itemId: number; publishedAt: Date; at: Date },
): Promise<FulfilledObligation> {
  const { level, isLate: late } = fulfilment({ warnAt: row.warn_at, dueAt: row.due_at, severeAt: row.severe_at }, row.level, input.publishedAt);
  await tx`
    update obligations set state = 'fulfilled', fulfilled_at = ${input.publishedAt}, is_late = ${late},
      level = ${level}, next_check_at = null, fulfilled_by_item_id = ${input.itemId}, updated_at = ${input.at}
    where id = ${row.id}`;
  return { id: row.id, periodKey: row.period_key, dueAt: row.due_at, fulfilledAt: input.publishedAt, isLate: late, level };
}

/** Fulfils the item's own obligation if it is open; null when it has none or it is already settled. */
export async function fulfilItemObligation(
  tx: Db,
  input: { itemId: number; publishedAt: Date; at: Date },
): Promise<FulfilledObligation | null> {
  const [row] = await tx<OpenObligationRow[]>`
    select id, period_key, warn_at, due_at, severe_at, level from obligations
    where item_id = ${input.itemId} and state = 'open'
    for update`;
  return row ? fulfil(tx, row, input) : null;
}

/** Fulfils the oldest open period obligation the published item can settle (see above); null if none. */
export async function fulfilPeriodObligation(
  tx: Db,
  input: { entry: { regionCode: string; code: string }; departmentId: number; itemId: number; publishedAt: Date; at: Date },
): Promise<FulfilledObligation | null> {
  const [row] = await tx<OpenObligationRow[]>`
    select o.id, o.period_key, o.warn_at, o.due_at, o.severe_at, o.level
    from obligations o
    join catalog_entries c on c.id = o.catalog_entry_id
    where o.department_id = ${input.departmentId} and c.region_code = ${input.entry.regionCode}
      and c.code = ${input.entry.code} and o.period_key is not null and o.state = 'open'
      and o.anchor_at <= ${input.publishedAt}
    order by o.anchor_at, o.id
    limit 1
    for update of o`;
  return row ? fulfil(tx, row, input) : null;
}
