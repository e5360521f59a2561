// Seeds the calendar from the `chinese-days` package, which hand-codes each year's State Council
// notice (国务院办公厅关于部分节假日安排的通知) from 2004 on. The database is the source of truth after
// seeding; an admin loads a newly announced year without waiting for a package release.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import pkg from 'chinese-days/package.json' with { type: 'json' };
import { yearOf, type Ymd } from './ymd';

export const CHINESE_DAYS_SOURCE = `chinese-days@${pkg.version}`;

export interface CalendarYearData {
  year: number;
  /** Every official day off, weekend ones included. */
  holidays: Ymd[];
  /** Weekend days worked in lieu (调休上班). */
  workdays: Ymd[];
  /** Festival name in Chinese (e.g. 春节) for each of those days. */
  names: Record<Ymd, string>;
}

// Values look like "Spring Festival,春节,4": English name, Chinese name, statutory days off.
function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

/**
 * The arrangement of every year in [fromYear, toYear] that the package knows. Years it does not
 * know are left out rather than returned empty: an empty year would be taken as loaded.
 */
export function readChineseDaysYears(fromYear: number, toYear: number): CalendarYearData[] {
  const byYear = new Map<number, CalendarYearData>();
  const entry = (day: Ymd): CalendarYearData | undefined => {
    const year = yearOf(day);
    if (year < fromYear || year > toYear) return undefined;
    let found = byYear.get(year);
    if (!found) byYear.set(year, (found = { year, holidays: [], workdays: [], names: {} }));
    return found;
  };
  for (const [day, value] of Object.entries(data.holidays as Record<string, string>)) {
    const target = entry(day);
    if (!target) continue;
    target.holidays.push(day);
    target.names[day] = chineseName(value);
  }
  for (const [day, value] of Object.entries(data.workdays as Record<string, string>)) {
    const target = entry(day);
    if (!target) continue;
    target.workdays.push(day);
    target.names[day] = chineseName(value);
  }
  return [...byYear.values()]
    .map((year) => ({ ...year, holidays: year.holidays.sort(), workdays: year.workdays.sort() }))
    .sort((a, b) => a.year - b.year);
}
