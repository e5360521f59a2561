// Reads and replaces the working-day calendar (tables calendar_days, calendar_years).
import type { Db } from '../../db/sql';
import { makeCalendar, type Calendar } from '../calendar';
import { isYmd, yearOf, type Ymd } from '../ymd';

export async function loadCalendar(sql: Db): Promise<Calendar> {
  // one statement, so days and loaded years come from the same snapshot
  const rows = await sql<{ kind: 'holiday' | 'workday' | 'year'; value: string; name: string | null }[]>`
    select kind, day::text as value, name from calendar_days
    union all
    select 'year', year::text, null from calendar_years`;
  const of = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => row.value);
  return makeCalendar({
    holidays: of('holiday'),
    workdays: of('workday'),
    years: of('year').map(Number),
    names: rows.filter((row) => row.kind === 'holiday' && row.name !== null).map((row) => [row.value, row.name!] as const),
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
