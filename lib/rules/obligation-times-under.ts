// An existing obligation's thresholds recomputed from what it stores (its entry version's time limit and
// its anchor) under other deadline params or another calendar. Rule changes (a wider warn window) and a
// newly loaded calendar year (provisional deadlines turning final) both move thresholds this way, through
// the same computeObligationTimes that opened the obligation.
import type { Calendar } from '../calendar/calendar';
import { shanghaiDayOf } from '../calendar/ymd';
import type { TimeLimit } from '../catalog/time-limit';
import { computeObligationTimes, type DeadlineParams, type ObligationAnchor, type ObligationTimes } from '../obligations/compute-deadlines';

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

/** Null for an unmeasurable limit (such an obligation is never opened). */
export function obligationTimesUnder(calendar: Calendar, obligation: StoredObligation, params: DeadlineParams): ObligationTimes | null {
  return computeObligationTimes(calendar, obligation.timeLimit, anchorOf(obligation), params);
}
