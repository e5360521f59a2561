// An obligation's (公开义务) clock: its catalog entry's time limit, started from what anchors it — the
// information's formation, the event it precedes, or the period it covers. Used when an obligation opens
// and when a stored one is recomputed under other deadline params or a newly loaded calendar year.
import type { Calendar } from '../calendar/calendar';
import { shanghaiDayOf, type Ymd } from '../calendar/ymd';
import type { TimeLimit } from '../catalog/time-limit';
import { runClock, type ClockLimit, type ClockReading } from './clock';
import type { ClockExplanation } from './explain';

export interface ObligationAnchor {
  /** When the information was formed or changed (信息形成/变更). */
  formedAt?: Date;
  /** The event a before_event limit counts back from (a meeting, a hearing). */
  eventAt?: Date;
  /** First day of the period the obligation covers, e.g. '2026-07-01' for 2026-Q3. */
  periodStart?: Ymd;
}

export interface DeadlineParams {
  warnWorkingDays?: number;
  severeWorkingDays?: number;
}

export type ObligationTimes = Omit<ClockReading, 'explanation'>;

/** Null for an unmeasurable limit; throws when the anchor the limit needs is missing. */
export function obligationClockLimit(limit: TimeLimit, anchor: ObligationAnchor): ClockLimit | null {
  switch (limit.kind) {
    case 'unmeasurable':
      return null;
    case 'working_days_after':
      return { kind: 'working_days', from: required(anchor.formedAt, 'formedAt', limit.kind), n: limit.n };
    case 'calendar_days_after':
      return { kind: 'calendar_days', from: required(anchor.formedAt, 'formedAt', limit.kind), n: limit.n };
    case 'same_day':
      return { kind: 'same_day', from: required(anchor.formedAt, 'formedAt', limit.kind) };
    case 'periodic':
      return { kind: 'periodic', periodStart: required(anchor.periodStart, 'periodStart', limit.kind), period: limit.period, n: limit.n };
    case 'fixed_date':
      // opened once a year; periodStart names that year (2026-01-01 → due 2026-01-31 for the 2025 report)
      return { kind: 'fixed_date', periodStart: required(anchor.periodStart, 'periodStart', limit.kind), month: limit.month, day: limit.day };
    case 'before_event':
      return {
        kind: 'before_event',
        eventAt: required(anchor.eventAt, 'eventAt', limit.kind),
        n: limit.n,
        ...(anchor.formedAt ? { formedAt: anchor.formedAt } : {}),
      };
  }
}

/** Null for an unmeasurable limit; throws when the anchor the limit needs is missing. */
export function computeObligationTimes(
  cal: Calendar,
  timeLimit: TimeLimit,
  anchor: ObligationAnchor,
  params: DeadlineParams = {},
): ObligationTimes | null {
  const limit = obligationClockLimit(timeLimit, anchor);
  if (!limit) return null;
  const { warnAt, dueAt, severeAt, dueDay, provisional } = runClock(cal, { limit, ...params });
  return { warnAt, dueAt, severeAt, dueDay, provisional };
}

export interface StoredObligation {
  /** The time limit of the entry version the obligation was made under. */
  timeLimit: TimeLimit;
  /** obligations.anchor_at: formation, the event (before_event) or the period start (periodic, fixed-date). */
  anchorAt: Date;
  /** The item's formation, for a before_event obligation (it cannot turn yellow before it exists). */
  formedAt?: Date | null;
}

function anchorOf(o: StoredObligation): ObligationAnchor {
  switch (o.timeLimit.kind) {
    case 'periodic':
    case 'fixed_date':
      return { periodStart: shanghaiDayOf(o.anchorAt) };
    case 'before_event':
      return { eventAt: o.anchorAt, ...(o.formedAt ? { formedAt: o.formedAt } : {}) };
    default:
      return { formedAt: o.anchorAt };
  }
}

/**
 * A stored obligation's times recomputed from what it keeps (its entry version's limit and its anchor):
 * a rule change (a wider warn window) and a newly loaded calendar year both move thresholds this way.
 * Null for an unmeasurable limit (such an obligation is never opened).
 */
export function recomputeObligationTimes(calendar: Calendar, obligation: StoredObligation, params: DeadlineParams): ObligationTimes | null {
  return computeObligationTimes(calendar, obligation.timeLimit, anchorOf(obligation), params);
}

/** How a stored obligation's due day was counted (lib/deadlines/deadline-view.ts); null for an unmeasurable limit. */
export function explainObligation(calendar: Calendar, obligation: StoredObligation): ClockExplanation | null {
  const limit = obligationClockLimit(obligation.timeLimit, anchorOf(obligation));
  return limit ? runClock(calendar, { limit }).explanation : null;
}

/** When a stored obligation's clock started: the formation it counts from, when it counts from one. */
export function obligationClockStart(obligation: StoredObligation): Date | null {
  const kind = obligation.timeLimit.kind;
  return kind === 'working_days_after' || kind === 'calendar_days_after' || kind === 'same_day' ? obligation.anchorAt : null;
}

function required<T>(value: T | undefined, name: string, kind: TimeLimit['kind']): T {
  if (value === undefined) throw new TypeError(`${kind} 时限需要 ${name} / a ${kind} limit needs anchor.${name}`);
  return value;
}
