// An item of an event-triggered entry opens its obligation when it is formed (DESIGN §1 Obligation):
// N working days or N calendar days after formation, the same working day (实时), or N days before the
// item's event (提前N日). One obligation per item (unique index obligations_item), so a retry or a
// concurrent request cannot open a second one.
import type { Calendar } from '../calendar/calendar';
import type { TimeLimit } from '../catalog/time-limit';
import type { Db } from '../db/sql';
import type { Level } from '../rules/level';
import type { Rule } from '../rules/rule';
import { fulfilment } from './fulfil-obligation';
import { deadlineParamsFor, isItemTriggered, itemAnchorProblem, planObligation } from './obligation-plan';

/** The catalog entry an obligation belongs to, as ingest and the period job read it. */
export interface ObligationEntry {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  regionPath: string;
  domain: string;
  departmentId: number;
  positionId: number | null;
  timeLimit: TimeLimit;
  mode: 'proactive' | 'on_request' | 'withheld';
}

export interface OpenedObligation {
  id: number;
  level: Level;
  dueAt: Date;
  nextCheckAt: Date | null;
  /** False when the item's obligation already existed (nothing was written). */
  created: boolean;
  /** True when it was created fulfilled (`publishedAt` given): nothing is left to fulfil. */
  fulfilled: boolean;
}

export interface ItemAnchor {
  id: number;
  formedAt: Date;
  eventAt?: Date | null;
}

interface Context {
  calendar: Calendar;
  rules: readonly Rule[];
  /** The moment of opening (the item's receipt): created_at, and what level and next_check_at are read at. */
  at: Date;
}

// 不予公开 entries publish nothing, so they owe nothing; on_request answers run on their own limits.
const owesObligation = (entry: ObligationEntry) => entry.mode !== 'withheld' && isItemTriggered(entry.timeLimit);

function planFor(entry: ObligationEntry, item: ItemAnchor, context: Context) {
  const problem = itemAnchorProblem(entry.timeLimit, item);
  if (problem) throw new TypeError(problem);
  const params = deadlineParamsFor(context.rules, { regionPath: entry.regionPath, domain: entry.domain, entryId: entry.id });
  const anchor = { formedAt: item.formedAt, ...(item.eventAt ? { eventAt: item.eventAt } : {}) };
  const plan = planObligation(context.calendar, entry.timeLimit, anchor, params, context.at);
  // a before_event obligation counts back from the event; the others run from formation
  const anchorAt = entry.timeLimit.kind === 'before_event' && item.eventAt ? item.eventAt : item.formedAt;
  return plan ? { plan, anchorAt } : null;
}

/**
 * Opens the item's obligation, or returns the one it has; null when the entry's limit does not run from
 * items (periodic, fixed-date, unmeasurable) or the entry is 不予公开. Call inside the ingest transaction.
 */
export async function openItemObligation(
  tx: Db,
  input: { item: ItemAnchor; entry: ObligationEntry; publishedAt?: Date | null } & Context,
): Promise<OpenedObligation | null> {
  const { item, entry, at } = input;
  if (!owesObligation(entry)) return null;
  const planned = planFor(entry, item, input);
  if (!planned) return null;
  const { plan, anchorAt } = planned;
  // an item that arrives already published settles its new obligation in the same row write, exactly as
  // fulfilItemObligation would settle it right after (one statement instead of three)
  const settled = input.publishedAt ? fulfilment(plan.times, plan.level, input.publishedAt) : null;
  const [inserted] = await tx<{ id: number }[]>`
    insert into obligations (catalog_entry_id, department_id, region_code, position_id, item_id, anchor_at,
      warn_at, due_at, severe_at, is_provisional, state, level, next_check_at, fulfilled_at, is_late,
      fulfilled_by_item_id, created_at, updated_at)
    values (${entry.id}, ${entry.departmentId}, ${entry.regionCode}, ${entry.positionId}, ${item.id}, ${anchorAt},
      ${plan.times.warnAt}, ${plan.times.dueAt}, ${plan.times.severeAt}, ${plan.times.provisional},
      ${settled ? 'fulfilled' : 'open'}, ${settled?.level ?? plan.level}, ${settled ? null : plan.nextCheckAt},
      ${input.publishedAt ?? null}, ${settled?.isLate ?? null}, ${settled ? item.id : null}, ${at}, ${at})
    on conflict (item_id) where item_id is not null do nothing
    returning id`;
  if (inserted) {
    return {
      id: inserted.id,
      level: settled?.level ?? plan.level,
      dueAt: plan.times.dueAt,
      nextCheckAt: settled ? null : plan.nextCheckAt,
      created: true,
      fulfilled: settled !== null,
    };
  }
  const [existing] = await tx<{ id: number; level: Level; due_at: Date; next_check_at: Date | null }[]>`
    select id, level, due_at, next_check_at from obligations where item_id = ${item.id}`;
  if (!existing) throw new Error(`obligation of item ${item.id} vanished`);
  return {
    id: existing.id,
    level: existing.level,
    dueAt: existing.due_at,
    nextCheckAt: existing.next_check_at,
    created: false,
    fulfilled: false,
  };
}

/**
 * A before_event item whose event moved (a meeting rescheduled) moves its open obligation with it. Other
 * limits stay where they opened: a changed formedAt is kept in the item's history for the office to
 * see, but does not restart a deadline that may already be overdue. A fulfilled obligation never moves.
 * Returns true when the obligation's times changed.
 */
export async function rescheduleItemObligation(
  tx: Db,
  input: { item: ItemAnchor; entry: ObligationEntry } & Context,
): Promise<boolean> {
  const { item, entry, at } = input;
  if (!owesObligation(entry) || entry.timeLimit.kind !== 'before_event') return false;
  const planned = planFor(entry, item, input);
  if (!planned) return false;
  const { plan, anchorAt } = planned;
  const updated = await tx`
    update obligations set anchor_at = ${anchorAt}, warn_at = ${plan.times.warnAt}, due_at = ${plan.times.dueAt},
      severe_at = ${plan.times.severeAt}, is_provisional = ${plan.times.provisional}, level = ${plan.level},
      next_check_at = ${plan.nextCheckAt}, updated_at = ${at}
    where item_id = ${item.id} and state = 'open' and anchor_at <> ${anchorAt}`;
  return updated.count > 0;
}
