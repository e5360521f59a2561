// The arithmetic of every clock the product runs (DESIGN §1 Deadlines): a start, a limit, the calendar,
// warn/severe working days and pauses in; warnAt / dueAt / severeAt, the due day and an explanation out.
// Obligations (公开义务), complaint SLA phases and request replies (依申请公开) all count here.
//
// Counting: the start day is never counted (条例 Art. 26); the deadline is the end (24:00 Asia/Shanghai) of
// the due day. yellow from 00:00 of the first of the last `warnWorkingDays` working days up to and including
// the due day (never before the clock starts); red from 00:00 after the `severeWorkingDays`-th working day
// after the due day. A paused day counts for none of these. Any day in a year whose calendar is not loaded
// makes the reading provisional (weekends alone).
import type { Calendar } from '../calendar/calendar';
import { addWorkingDays, nthLastWorkingDay, workingDayOnOrAfter, type PausedDays } from '../calendar/working-days';
import { addDaysToDay, dayFromParts, shanghaiDayOf, startOfShanghaiDay, yearOf, type Ymd } from '../calendar/ymd';
import type { TimeLimitPeriod } from '../catalog/time-limit';
import { dueAtOf, dueDayOf } from './due-day';
import { explainDueDay, type ClockExplanation } from './explain';
import { pausedDays, type Pause } from './pauses';

export const DEFAULT_WARN_WORKING_DAYS = 3;
export const DEFAULT_SEVERE_WORKING_DAYS = 10;

/** What a clock counts to. `from` is the instant the clock starts: its day is not counted. */
export type ClockLimit =
  | { kind: 'working_days'; from: Date; n: number }
  /** Calendar days: the due day is a plain date, even on a holiday (budgets: 批准后20日内). */
  | { kind: 'calendar_days'; from: Date; n: number }
  /** 实时: the same working day; a start on a day off is due the next working day. */
  | { kind: 'same_day'; from: Date }
  /** n working days after the end of the period that contains `periodStart`. */
  | { kind: 'periodic'; periodStart: Ymd; period: TimeLimitPeriod; n: number }
  /** A date in the year of `periodStart` (每年1月31日前). */
  | { kind: 'fixed_date'; periodStart: Ymd; month: number; day: number }
  /** Out by 00:00 of (event day − n); `formedAt` is when the clock starts, when known. */
  | { kind: 'before_event'; eventAt: Date; n: number; formedAt?: Date }
  /** A due time already fixed (a complaint step's stored due time, an approved extension). */
  | { kind: 'fixed_due'; dueAt: Date; from: Date };

export interface ClockSpec {
  limit: ClockLimit;
  warnWorkingDays?: number;
  severeWorkingDays?: number;
  /** Intervals the clock stands still (lib/deadlines/pauses.ts): a request's consultations; none elsewhere. */
  pauses?: readonly Pause[];
}

export interface ClockReading {
  warnAt: Date;
  /** 24:00 Asia/Shanghai of dueDay. */
  dueAt: Date;
  severeAt: Date;
  /** The last calendar day on time. */
  dueDay: Ymd;
  /** Some day involved lies in a year whose calendar is not loaded: counted on weekends alone. */
  provisional: boolean;
  explanation: ClockExplanation;
}

interface Due {
  dueDay: Ymd;
  dueAt: Date;
  provisional: boolean;
  /** The clock does not run before this instant, so it cannot turn yellow earlier. */
  startsAt?: Date;
  /** The days looked at to find the due day, and how they counted. */
  counted: { from: Ymd; unit: 'working_days' | 'calendar_days' } | null;
}

export function runClock(cal: Calendar, spec: ClockSpec): ClockReading {
  const warnWorkingDays = spec.warnWorkingDays ?? DEFAULT_WARN_WORKING_DAYS;
  const severeWorkingDays = spec.severeWorkingDays ?? DEFAULT_SEVERE_WORKING_DAYS;
  assertWorkingDays(warnWorkingDays, 'warnWorkingDays');
  assertWorkingDays(severeWorkingDays, 'severeWorkingDays');
  const paused = pausedDays(spec.pauses ?? []);

  const due = dueOf(cal, spec.limit, paused);
  const warn = warnWorkingDays > 0 ? nthLastWorkingDay(cal, due.dueDay, warnWorkingDays, paused) : null;
  let warnAt = warn ? startOfShanghaiDay(warn.day) : due.dueAt;
  if (due.startsAt && warnAt < due.startsAt) warnAt = due.startsAt;
  const severe = addWorkingDays(cal, due.dueDay, severeWorkingDays, paused);

  return {
    warnAt,
    dueAt: due.dueAt,
    severeAt: dueAtOf(severe.due),
    dueDay: due.dueDay,
    provisional: due.provisional || (warn?.provisional ?? false) || severe.provisional,
    explanation: explainDueDay(cal, due.dueDay, due.counted, paused),
  };
}

/** Only where a limit falls due, for a caller that keeps no thresholds (a stored due time, a horizon). */
export function dueOfLimit(cal: Calendar, limit: ClockLimit, pauses: readonly Pause[] = []): { dueAt: Date; dueDay: Ymd; provisional: boolean } {
  const { dueAt, dueDay, provisional } = dueOf(cal, limit, pausedDays(pauses));
  return { dueAt, dueDay, provisional };
}

function dueOf(cal: Calendar, limit: ClockLimit, paused: PausedDays): Due {
  const at = (dueDay: Ymd, provisional: boolean, startsAt: Date | undefined, counted: Due['counted']): Due => ({
    dueDay,
    dueAt: dueAtOf(dueDay),
    provisional,
    counted,
    ...(startsAt ? { startsAt } : {}),
  });
  switch (limit.kind) {
    case 'working_days': {
      const start = shanghaiDayOf(limit.from);
      const { due, provisional } = addWorkingDays(cal, start, limit.n, paused);
      return at(due, provisional, limit.from, { from: addDaysToDay(start, 1), unit: 'working_days' });
    }
    case 'calendar_days': {
      const start = shanghaiDayOf(limit.from);
      return at(addCalendarDays(start, limit.n, paused), false, limit.from, { from: addDaysToDay(start, 1), unit: 'calendar_days' });
    }
    case 'same_day': {
      const start = shanghaiDayOf(limit.from);
      const { day, provisional } = workingDayOnOrAfter(cal, start, paused);
      return at(day, provisional, limit.from, { from: start, unit: 'working_days' });
    }
    case 'periodic': {
      const end = periodEnd(limit.periodStart, limit.period);
      const { due, provisional } = addWorkingDays(cal, end, limit.n, paused);
      return at(due, provisional, startOfShanghaiDay(limit.periodStart), { from: addDaysToDay(end, 1), unit: 'working_days' });
    }
    case 'fixed_date':
      return at(dayFromParts(yearOf(limit.periodStart), limit.month, limit.day), false, startOfShanghaiDay(limit.periodStart), null);
    case 'before_event':
      // out by 00:00 of (event day − n), so the last day on time is the day before that
      return at(addDaysToDay(shanghaiDayOf(limit.eventAt), -limit.n - 1), false, limit.formedAt, null);
    case 'fixed_due':
      // the due time is given; the count is explained over the working days from the start to it
      return {
        dueDay: dueDayOf(limit.dueAt),
        dueAt: limit.dueAt,
        provisional: false,
        startsAt: limit.from,
        counted: { from: addDaysToDay(shanghaiDayOf(limit.from), 1), unit: 'working_days' },
      };
  }
}

/** The nth calendar day after `from` that the clock ran through. */
function addCalendarDays(from: Ymd, n: number, paused: PausedDays): Ymd {
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDaysToDay(day, 1);
    if (!paused.has(day)) counted++;
  }
  return day;
}

const PERIOD_MONTHS: Record<TimeLimitPeriod, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** Last day of the month/quarter/half-year/year that contains `day`. */
export function periodEnd(day: Ymd, period: TimeLimitPeriod): Ymd {
  const months = PERIOD_MONTHS[period];
  const month = Number(day.slice(5, 7));
  const lastMonth = Math.ceil(month / months) * months;
  return dayFromParts(yearOf(day), lastMonth, 31);
}

function assertWorkingDays(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 365) {
    throw new RangeError(`${name} 必须是 0–365 的整数 / must be an integer in 0..365, got ${n}`);
  }
}
