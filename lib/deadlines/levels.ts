// Where a clock stands at an instant (DESIGN §1 Deadlines): yellow (临期) from warnAt until due, orange
// (超期) once due passes unfulfilled, red (严重超期) from severeAt. Each threshold is inclusive: at exactly
// dueAt (24:00 of the due day) the clock is already overdue. Obligations, complaint SLA phases, the sweep,
// the rule preview and fulfilment all read levels here.
import type { Level } from '../rules/level';

export interface Thresholds {
  warnAt: Date;
  dueAt: Date;
  severeAt: Date;
  /** When the clock's duty was met; a met clock has nothing to warn of. */
  fulfilledAt?: Date | null;
}

/**
 * The level at `at`. A fulfilled clock is 'none' whatever `at` is: this answers "what should its alert
 * say now", not "what was it then" (the timeline keeps the history).
 */
export function levelAt(t: Thresholds, at: Date): Level {
  if (t.fulfilledAt != null) return 'none';
  const ms = at.getTime();
  if (ms >= t.severeAt.getTime()) return 'red';
  if (ms >= t.dueAt.getTime()) return 'orange';
  if (ms >= t.warnAt.getTime()) return 'yellow';
  return 'none';
}

/** The next of warnAt/dueAt/severeAt strictly after `at`: what a sweep's next_check_at holds. */
export function nextThresholdAfter(t: Thresholds, at: Date): Date | null {
  if (t.fulfilledAt != null) return null;
  const ms = at.getTime();
  return [t.warnAt, t.dueAt, t.severeAt].find((threshold) => threshold.getTime() > ms) ?? null;
}

/** The earliest of several clocks' next thresholds after `at` (a complaint runs a clock per phase). */
export function earliestThresholdAfter(clocks: readonly Thresholds[], at: Date): Date | null {
  let next: Date | null = null;
  for (const clock of clocks) {
    const threshold = nextThresholdAfter(clock, at);
    if (threshold && (next === null || threshold < next)) next = threshold;
  }
  return next;
}

/** Fulfilled at or after dueAt (kept for scoring); null while unfulfilled. */
export function isLate(t: Thresholds): boolean | null {
  return t.fulfilledAt == null ? null : t.fulfilledAt.getTime() >= t.dueAt.getTime();
}
