// Where an obligation stands at an instant (DESIGN §1 Deadlines): yellow (临期) from warnAt until
// due, orange (超期) once due passes unfulfilled, red (严重超期) from severeAt. Each threshold is
// inclusive: at exactly dueAt (24:00 of the due day) the obligation is already overdue.
import type { Ymd } from '../calendar/ymd';
import type { Level } from './level';
import { LEVEL_TERMS } from './level';
import type { AlertLevel } from './rule';

export interface ObligationThresholds {
  warnAt: Date;
  dueAt: Date;
  severeAt: Date;
  fulfilledAt: Date | null;
}

/**
 * The level at `at`. A fulfilled obligation is 'none' whatever `at` is: this answers "what should
 * its alert say now", not "what was it then" (the timeline keeps the history).
 */
export function levelAt(o: ObligationThresholds, at: Date): Level {
  if (o.fulfilledAt !== null) return 'none';
  const t = at.getTime();
  if (t >= o.severeAt.getTime()) return 'red';
  if (t >= o.dueAt.getTime()) return 'orange';
  if (t >= o.warnAt.getTime()) return 'yellow';
  return 'none';
}

/** The next of warnAt/dueAt/severeAt strictly after `at`: what the sweep's next_check_at holds. */
export function nextThresholdAfter(o: ObligationThresholds, at: Date): Date | null {
  if (o.fulfilledAt !== null) return null;
  const t = at.getTime();
  return [o.warnAt, o.dueAt, o.severeAt].find((threshold) => threshold.getTime() > t) ?? null;
}

/** Fulfilled at or after dueAt (kept for scoring); null while unfulfilled. */
export function isLate(o: ObligationThresholds): boolean | null {
  return o.fulfilledAt === null ? null : o.fulfilledAt.getTime() >= o.dueAt.getTime();
}

export interface DeadlineMessageFacts {
  entryName: string;
  /** The last day on time, 'YYYY-MM-DD' (ObligationTimes.dueDay). */
  dueDay: Ymd;
  /** Working days past the due day, when the caller has counted them. */
  lateWorkingDays?: number;
}

export function deadlineMessage(level: AlertLevel, { entryName, dueDay, lateWorkingDays }: DeadlineMessageFacts): string {
  const subject = `${LEVEL_TERMS[level]}：《${entryName}》`;
  const late = lateWorkingDays !== undefined && lateWorkingDays > 0 ? lateWorkingDays : null;
  switch (level) {
    case 'yellow':
      return `${subject}应于 ${dueDay} 前公开`;
    case 'orange':
      return late === null
        ? `${subject}已超过公开时限（应于 ${dueDay} 前公开）`
        : `${subject}已超过公开时限 ${late} 个工作日（应于 ${dueDay} 前公开）`;
    case 'red':
      return late === null
        ? `${subject}严重超过公开时限（应于 ${dueDay} 前公开）`
        : `${subject}超过时限 ${late} 个工作日以上（应于 ${dueDay} 前公开）`;
  }
}
