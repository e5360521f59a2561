// When an obligation turns yellow (临期), falls due (超期 after) and turns red (严重超期), per
// DESIGN §1 Deadlines. Every instant is a midnight in Asia/Shanghai: a deadline is the end (24:00)
// of its due day, and the day the information is formed is never counted (条例 Art. 26).
import type { Calendar } from '../calendar/calendar';
import {
  addWorkingDays,
  nthLastWorkingDay,
  workingDayOnOrAfter,
  type DayResult,
} from '../calendar/working-days';
import {
  addDaysToDay,
  dayFromParts,
  endOfShanghaiDay,
  shanghaiDayOf,
  startOfShanghaiDay,
  yearOf,
  type Ymd,
} from '../calendar/ymd';
import type { TimeLimit, TimeLimitPeriod } from '../catalog/time-limit';

export const DEFAULT_WARN_WORKING_DAYS = 3;
export const DEFAULT_SEVERE_WORKING_DAYS = 10;

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

export interface ObligationTimes {
  warnAt: Date;
  /** 24:00 Asia/Shanghai of dueDay. */
  dueAt: Date;
  severeAt: Date;
  /** The last calendar day on which publishing is on time. */
  dueDay: Ymd;
  /** Some day involved lies in a year whose calendar is not loaded: counted on weekends alone. */
  provisional: boolean;
}

interface Due {
  dueDay: Ymd;
  provisional: boolean;
  /** The obligation does not exist before this instant, so it cannot turn yellow earlier. */
  startsAt?: Date;
}

/** Returns null for an unmeasurable limit; throws when the anchor the limit needs is missing. */
export function computeObligationTimes(
  cal: Calendar,
  timeLimit: TimeLimit,
  anchor: ObligationAnchor,
  params: DeadlineParams = {},
): ObligationTimes | null {
  const warnWorkingDays = params.warnWorkingDays ?? DEFAULT_WARN_WORKING_DAYS;
  const severeWorkingDays = params.severeWorkingDays ?? DEFAULT_SEVERE_WORKING_DAYS;
  assertWorkingDays(warnWorkingDays, 'warnWorkingDays');
  assertWorkingDays(severeWorkingDays, 'severeWorkingDays');

  const due = dueOf(cal, timeLimit, anchor);
  if (!due) return null;
  const dueAt = endOfShanghaiDay(due.dueDay);

  // yellow from 00:00 of the first of the last k working days up to and including the due day
  const warn: DayResult | null = warnWorkingDays > 0 ? nthLastWorkingDay(cal, due.dueDay, warnWorkingDays) : null;
  let warnAt = warn ? startOfShanghaiDay(warn.day) : dueAt;
  if (due.startsAt && warnAt < due.startsAt) warnAt = due.startsAt;

  // red from 00:00 after the k-th working day after the due day
  const severe = addWorkingDays(cal, due.dueDay, severeWorkingDays);

  return {
    warnAt,
    dueAt,
    severeAt: endOfShanghaiDay(severe.due),
    dueDay: due.dueDay,
    provisional: due.provisional || (warn?.provisional ?? false) || severe.provisional,
  };
}

function dueOf(cal: Calendar, limit: TimeLimit, anchor: ObligationAnchor): Due | null {
  switch (limit.kind) {
    case 'unmeasurable':
      return null;
    case 'working_days_after': {
      const formedAt = required(anchor.formedAt, 'formedAt', limit.kind);
      const { due, provisional } = addWorkingDays(cal, shanghaiDayOf(formedAt), limit.n);
      return { dueDay: due, provisional, startsAt: formedAt };
    }
    case 'calendar_days_after': {
      const formedAt = required(anchor.formedAt, 'formedAt', limit.kind);
      // The due day is a plain date, even on a holiday; only warn/severe depend on the calendar.
      return { dueDay: addDaysToDay(shanghaiDayOf(formedAt), limit.n), provisional: false, startsAt: formedAt };
    }
    case 'same_day': {
      // 实时 means the same working day: information formed on a day off is due the next working day.
      const formedAt = required(anchor.formedAt, 'formedAt', limit.kind);
      const { day, provisional } = workingDayOnOrAfter(cal, shanghaiDayOf(formedAt));
      return { dueDay: day, provisional, startsAt: formedAt };
    }
    case 'periodic': {
      const periodStart = required(anchor.periodStart, 'periodStart', limit.kind);
      const { due, provisional } = addWorkingDays(cal, periodEnd(periodStart, limit.period), limit.n);
      return { dueDay: due, provisional, startsAt: startOfShanghaiDay(periodStart) };
    }
    case 'fixed_date': {
      // Opened once a year; periodStart names that year (2026-01-01 → due 2026-01-31 for the
      // 2025 annual report).
      const periodStart = required(anchor.periodStart, 'periodStart', limit.kind);
      return {
        dueDay: dayFromParts(yearOf(periodStart), limit.month, limit.day),
        provisional: false,
        startsAt: startOfShanghaiDay(periodStart),
      };
    }
    case 'before_event': {
      // Out by 00:00 of (event day − n), so the last day on time is the day before that.
      const eventAt = required(anchor.eventAt, 'eventAt', limit.kind);
      return {
        dueDay: addDaysToDay(shanghaiDayOf(eventAt), -limit.n - 1),
        provisional: false,
        ...(anchor.formedAt ? { startsAt: anchor.formedAt } : {}),
      };
    }
  }
}

const PERIOD_MONTHS: Record<TimeLimitPeriod, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** Last day of the month/quarter/half-year/year that contains `day`. */
export function periodEnd(day: Ymd, period: TimeLimitPeriod): Ymd {
  const months = PERIOD_MONTHS[period];
  const month = Number(day.slice(5, 7));
  const lastMonth = Math.ceil(month / months) * months;
  return dayFromParts(yearOf(day), lastMonth, 31);
}

function required<T>(value: T | undefined, name: string, kind: TimeLimit['kind']): T {
  if (value === undefined) throw new TypeError(`${kind} 时限需要 ${name} / a ${kind} limit needs anchor.${name}`);
  return value;
}

function assertWorkingDays(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 365) {
    throw new RangeError(`${name} 必须是 0–365 的整数 / must be an integer in 0..365, got ${n}`);
  }
}
