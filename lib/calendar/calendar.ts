// The official working-day calendar (工作日历) as an immutable value, so deadline logic stays pure.
import type { Ymd } from './ymd';

export interface Calendar {
  /** Official days off (法定节假日 and the rest days around them), weekend ones included. */
  readonly holidays: ReadonlySet<Ymd>;
  /** Weekend days worked in lieu (调休上班). */
  readonly workdays: ReadonlySet<Ymd>;
  /** Years whose arrangement has been announced and loaded; other years fall back to weekends alone. */
  readonly loadedYears: ReadonlySet<number>;
  /** The festival a day off belongs to (春节, 国庆节), where the arrangement names it. */
  readonly names: ReadonlyMap<Ymd, string>;
}

export interface CalendarInput {
  holidays: Iterable<Ymd>;
  workdays: Iterable<Ymd>;
  years: Iterable<number>;
  names?: Iterable<readonly [Ymd, string]>;
}

export function makeCalendar(input: CalendarInput): Calendar {
  return {
    holidays: new Set(input.holidays),
    workdays: new Set(input.workdays),
    loadedYears: new Set(input.years),
    names: new Map(input.names ?? []),
  };
}

export const EMPTY_CALENDAR: Calendar = makeCalendar({ holidays: [], workdays: [], years: [] });
