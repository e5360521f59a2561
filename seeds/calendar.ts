// Loads every year the chinese-days package knows into calendar_days / calendar_years. A year already
// loaded is left alone: it may carry an admin's correction that the package does not have.
import { CHINESE_DAYS_SOURCE, readChineseDaysYears } from '../lib/calendar/chinese-days-source';
import { replaceCalendarYear } from '../lib/calendar/store/queries';
import type { Db } from '../lib/db/sql';

// Wide bounds: the package decides which years exist (2004 on, as of 1.5.7).
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

export interface CalendarSeedResult {
  /** Years loaded by this run. */
  years: number[];
  /** calendar_days rows written by this run. */
  days: number;
}

export async function seedCalendar(sql: Db, at: Date): Promise<CalendarSeedResult> {
  const loaded = new Set((await sql<{ year: number }[]>`select year from calendar_years`).map((r) => r.year));
  const result: CalendarSeedResult = { years: [], days: 0 };
  for (const year of readChineseDaysYears(FIRST_YEAR, LAST_YEAR)) {
    if (loaded.has(year.year)) continue;
    await replaceCalendarYear(sql, {
      year: year.year,
      holidays: year.holidays,
      workdays: year.workdays,
      names: year.names,
      source: CHINESE_DAYS_SOURCE,
      loadedBy: 'seed',
      at,
    });
    result.years.push(year.year);
    result.days += year.holidays.length + year.workdays.length;
  }
  return result;
}
