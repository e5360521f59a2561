// One year of the working-day calendar for the 工作日历 page and GET /api/v1/calendar/:year.
import { actorNames } from '../../auth/actor-names';
import type { Db } from '../../db/sql';
import type { Ymd } from '../ymd';

export interface CalendarYearView {
  year: number;
  /** Null while the year is not loaded: deadlines into it are provisional. */
  /** loadedBy as stored (a username), loadedByName as pages show it (lib/auth/actor-names.ts). */
  loaded: { source: string; loadedBy: string; loadedByName: string; loadedAt: string } | null;
  holidays: { day: Ymd; name: string | null }[];
  workdays: { day: Ymd; name: string | null }[];
}

export async function getCalendarYear(db: Db, year: number): Promise<CalendarYearView> {
  const [loaded] = await db<{ source: string; loaded_by: string; loaded_at: Date }[]>`
    select source, loaded_by, loaded_at from calendar_years where year = ${year}`;
  const days = await db<{ day: string; kind: 'holiday' | 'workday'; name: string | null }[]>`
    select day::text as day, kind, name from calendar_days
    where day >= make_date(${year}::int, 1, 1) and day < make_date(${year + 1}::int, 1, 1)
    order by day`;
  const names = loaded ? await actorNames(db, [loaded.loaded_by]) : new Map<string, string>();
  return {
    year,
    loaded: loaded
      ? { source: loaded.source, loadedBy: loaded.loaded_by, loadedByName: names.get(loaded.loaded_by) ?? loaded.loaded_by, loadedAt: loaded.loaded_at.toISOString() }
      : null,
    holidays: days.filter((d) => d.kind === 'holiday').map(({ day, name }) => ({ day, name })),
    workdays: days.filter((d) => d.kind === 'workday').map(({ day, name }) => ({ day, name })),
  };
}

/** Whether the year's arrangement is loaded (the dashboard's banner asks about the coming year). */
export async function isCalendarYearLoaded(db: Db, year: number): Promise<boolean> {
  const [row] = await db`select 1 from calendar_years where year = ${year}`;
  return row !== undefined;
}
