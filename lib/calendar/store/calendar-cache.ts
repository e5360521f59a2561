// The calendar changes a few times a year, while every deadline needs it: each process keeps it, and
// compares a stamp of the tables (loaded years and when, number of days) at most every
// CALENDAR_STAMP_CHECK_MS (lib/db/stamped-cache.ts), so an admin's load reaches every web and worker process
// within that time.
import type { Db } from '../../db/sql';
import { createStampedCache } from '../../db/stamped-cache';
import type { Calendar } from '../calendar';
import { loadCalendar } from './queries';

export const CALENDAR_STAMP_CHECK_MS = 1_000;

async function calendarStamp(sql: Db): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select (select count(*) from calendar_years)::text || ':' ||
      coalesce((select max(loaded_at) from calendar_years)::text, '') || ':' ||
      (select count(*) from calendar_days)::text as stamp`;
  return row?.stamp ?? '';
}

const calendarCache = createStampedCache({ stamp: calendarStamp, load: (db) => loadCalendar(db), checkEveryMs: CALENDAR_STAMP_CHECK_MS });

export function getCalendar(sql: Db, nowMs?: number): Promise<Calendar> {
  return calendarCache.get(sql, nowMs);
}

/** Call after replacing a year so this process sees the change at once. */
export function invalidateCalendarCache(): void {
  calendarCache.invalidate();
}
