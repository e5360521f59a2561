// Working days per the State Council's yearly arrangement: Monday–Friday, minus official days off,
// plus adjusted working weekends (调休上班). A year not yet announced counts weekends alone and
// every answer that touches it is provisional (DESIGN §1 Deadlines).
import type { Calendar } from './calendar';
import { fromDayNumber, requireDayNumber, weekdayOfNumber, yearOf, type Ymd } from './ymd';

// No real arrangement has more than ~9 consecutive days off; this only stops a corrupt calendar
// (e.g. a whole year marked as holidays) from looping for ever.
const MAX_WALK_DAYS = 3_700;

export interface WorkingDayResult {
  due: Ymd;
  provisional: boolean;
}

export interface DayResult {
  day: Ymd;
  provisional: boolean;
}

/** Days on which a clock stands still (lib/deadlines pauses): never counted, like a day off. */
export type PausedDays = ReadonlySet<Ymd>;

const NONE_PAUSED: PausedDays = new Set();

export function isProvisional(cal: Calendar, day: Ymd): boolean {
  return !cal.loadedYears.has(yearOf(day));
}

export function isWorkingDay(cal: Calendar, day: Ymd): boolean {
  return working(cal, day, requireDayNumber(day));
}

// Walks step on day numbers and only look up the string form, which keeps a year's walk cheap.
function working(cal: Calendar, day: Ymd, n: number, paused: PausedDays = NONE_PAUSED): boolean {
  if (paused.has(day)) return false;
  if (!isProvisional(cal, day)) {
    if (cal.workdays.has(day)) return true;
    if (cal.holidays.has(day)) return false;
  }
  const weekday = weekdayOfNumber(n);
  return weekday !== 0 && weekday !== 6;
}

function assertCount(n: number, name: string, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${n}`);
}

/**
 * Walks from `start` in `step` direction until `count` working days have been seen (the start day
 * itself is checked only when `includeStart`), noting whether any day checked is provisional.
 */
function walk(cal: Calendar, start: Ymd, step: 1 | -1, count: number, includeStart: boolean, paused: PausedDays): DayResult {
  let n = requireDayNumber(start);
  let day = start;
  let provisional = false;
  let found = 0;
  if (includeStart) {
    provisional = isProvisional(cal, day);
    if (working(cal, day, n, paused)) found++;
  }
  for (let walked = 0; found < count; walked++) {
    if (walked > MAX_WALK_DAYS) throw new RangeError(`no ${count} working days found from ${start}`);
    n += step;
    day = fromDayNumber(n);
    provisional ||= isProvisional(cal, day);
    if (working(cal, day, n, paused)) found++;
  }
  return { day, provisional };
}

/** The nth working day after `from`; `from` itself is never counted, so n = 0 gives `from`. */
export function addWorkingDays(cal: Calendar, from: Ymd, n: number, paused: PausedDays = NONE_PAUSED): WorkingDayResult {
  assertCount(n, 'n', 0);
  const { day, provisional } = walk(cal, from, 1, n, false, paused);
  return { due: day, provisional };
}

/**
 * Working days in (from, to], so that workingDaysBetween(from, addWorkingDays(from, n).due) = n.
 * Negative when `to` lies before `from` (how many working days late, read the other way round).
 */
export function workingDaysBetween(cal: Calendar, from: Ymd, to: Ymd): number {
  if (to < from) return -workingDaysBetween(cal, to, from);
  const last = requireDayNumber(to);
  let count = 0;
  for (let n = requireDayNumber(from) + 1; n <= last; n++) {
    if (working(cal, fromDayNumber(n), n)) count++;
  }
  return count;
}

/** `day` itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(cal: Calendar, day: Ymd, paused: PausedDays = NONE_PAUSED): DayResult {
  return walk(cal, day, 1, 1, true, paused);
}

/**
 * The first of the last k working days up to and including `upTo` (k ≥ 1): with k = 3 and
 * upTo = Monday 2026-11-30, the answer is Thursday 11-26 (11-26, 11-27, 11-30).
 */
export function nthLastWorkingDay(cal: Calendar, upTo: Ymd, k: number, paused: PausedDays = NONE_PAUSED): DayResult {
  assertCount(k, 'k', 1);
  return walk(cal, upTo, -1, k, true, paused);
}

/** The last working day strictly before `day`. */
export function previousWorkingDay(cal: Calendar, day: Ymd): DayResult {
  return walk(cal, day, -1, 1, false, NONE_PAUSED);
}

/** Every year from one day to another, both included, is loaded. */
export function isRangeLoaded(cal: Calendar, from: Ymd, to: Ymd): boolean {
  const [first, last] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
  for (let year = first; year <= last; year++) if (!cal.loadedYears.has(year)) return false;
  return true;
}
