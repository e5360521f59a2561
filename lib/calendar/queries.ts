// Reads and replaces the working-day calendar (tables calendar_days, calendar_years).
import type { Db } from '../db/sql';
import { makeCalendar, type Calendar } from './calendar';
import { isYmd, yearOf, type Ymd } from './ymd';

export async function loadCalendar(sql: Db): Promise<Calendar> {
  const days = await sql<{ day: string; kind: 'holiday' | 'workday' }[]>`
    select day::text as day, kind from calendar_days`;
  const years = await sql<{ year: number }[]>`select year from calendar_years`;
  return makeCalendar({
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
    years: years.map((y) => y.year),
  });
}

export interface CalendarYearReplacement {
  year: number;
  holidays: readonly Ymd[];
  workdays: readonly Ymd[];
  /** Optional festival name per day (e.g. 春节). */
  names?: Readonly<Record<Ymd, string>>;
  source: string;
  loadedBy: string;
  at: Date;
}

/** Replaces one year's arrangement and marks the year loaded; pass a transaction (sql.begin). */
export async function replaceCalendarYear(sql: Db, input: CalendarYearReplacement): Promise<void> {
  assertYear(input);
  const rows = [
    ...input.holidays.map((day) => ({ day, kind: 'holiday', name: input.names?.[day] ?? null })),
    ...input.workdays.map((day) => ({ day, kind: 'workday', name: input.names?.[day] ?? null })),
  ];
  await sql`
    delete from calendar_days
    where day >= make_date(${input.year}::int, 1, 1) and day < make_date(${input.year + 1}::int, 1, 1)`;
  if (rows.length > 0) {
    await sql`insert into calendar_days ${sql(rows, 'day', 'kind', 'name')}`;
  }
  await sql`
    insert into calendar_years (year, source, loaded_by, loaded_at)
    values (${input.year}, ${input.source}, ${input.loadedBy}, ${input.at})
    on conflict (year) do update
      set source = excluded.source, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at`;
}

function assertYear(input: CalendarYearReplacement): void {
  const seen = new Set<Ymd>();
  for (const day of [...input.holidays, ...input.workdays]) {
    if (!isYmd(day) || yearOf(day) !== input.year) {
      throw new RangeError(`${day} 不是 ${input.year} 年的日期 / not a day of ${input.year}`);
    }
    if (seen.has(day)) throw new RangeError(`${day} 重复出现 / listed twice`);
    seen.add(day);
  }
}
