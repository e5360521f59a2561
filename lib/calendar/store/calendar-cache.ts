// The calendar changes a few times a year, while every deadline needs it: each process keeps it, and
// compares a stamp of the tables (loaded years and when, number of days) at most every
// CALENDAR_STAMP_CHECK_MS, so an admin's load reaches every web and worker process within that time.
import type { Db } from '../../db/sql';
import type { Calendar } from '../calendar';
import { loadCalendar } from './queries';

export const CALENDAR_STAMP_CHECK_MS = 1_000;

interface CachedCalendar {
  calendar: Promise<Calendar>;
  stamp: Promise<string>;
  checkedAtMs: number;
}

let cached: CachedCalendar | undefined;

async function calendarStamp(sql: Db): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select (select count(*) from calendar_years)::text || ':' ||
      coalesce((select max(loaded_at) from calendar_years)::text, '') || ':' ||
      (select count(*) from calendar_days)::text as stamp`;
  return row?.stamp ?? '';
}

export function getCalendar(sql: Db, nowMs: number = Date.now()): Promise<Calendar> {
  const current = cached;
  if (current && nowMs - current.checkedAtMs < CALENDAR_STAMP_CHECK_MS) return current.calendar;
  const stamp = calendarStamp(sql);
  const entry: CachedCalendar = {
    stamp,
    checkedAtMs: nowMs,
    calendar: current
      ? Promise.all([stamp, current.stamp.catch(() => null)]).then(([next, previous]) =>
          next === previous ? current.calendar : loadCalendar(sql),
        )
      : stamp.then(() => loadCalendar(sql)),
  };
  cached = entry;
  // Concurrent callers share the one load; a failed load is forgotten so the next call retries.
  entry.calendar.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return entry.calendar;
}

/** Call after replacing a year so this process sees the change at once. */
export function invalidateCalendarCache(): void {
  cached = undefined;
}
