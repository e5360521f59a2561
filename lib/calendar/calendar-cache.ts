// The calendar changes a few times a year, while every deadline needs it: each process keeps it
// for a minute, so an admin's change reaches every web and worker process within CACHE_TTL_MS.
import type { Db } from '../db/sql';
import type { Calendar } from './calendar';
import { loadCalendar } from './queries';

export const CALENDAR_CACHE_TTL_MS = 60_000;

let cached: { calendar: Promise<Calendar>; loadedAtMs: number } | undefined;

export function getCalendar(sql: Db, nowMs: number = Date.now()): Promise<Calendar> {
  if (cached && nowMs - cached.loadedAtMs < CALENDAR_CACHE_TTL_MS) return cached.calendar;
  const entry = { calendar: loadCalendar(sql), loadedAtMs: nowMs };
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
