// Calendar days as 'YYYY-MM-DD' strings. Arithmetic runs on TZDate pinned to UTC so the machine's
// time zone never shifts a day; instants convert through Asia/Shanghai, where every deadline lives.
import { TZDate } from '@date-fns/tz';
import { addDays, format, getDay, isValid } from 'date-fns';
import { z } from 'zod';

export const SHANGHAI = 'Asia/Shanghai';

/** A calendar day, 'YYYY-MM-DD'; ordering by string comparison is chronological. */
export type Ymd = string;

const YMD_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: Ymd): [number, number, number] | null {
  const match = YMD_PATTERN.exec(day);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isYmd(value: string): boolean {
  const p = parts(value);
  if (!p) return false;
  const [year, month, date] = p;
  const d = new TZDate(year, month - 1, date, 'UTC');
  // Date rolls 2026-02-30 over to 03-02, so a real day is one that survives the round trip.
  return isValid(d) && d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === date;
}

export const ymdSchema = z
  .string({ error: '请输入日期，格式为 YYYY-MM-DD' })
  .regex(YMD_PATTERN, '日期格式应为 YYYY-MM-DD')
  .refine(isYmd, '日期不存在');

function toUtcDate(day: Ymd): TZDate {
  const p = parts(day);
  if (!p || !isYmd(day)) throw new RangeError(`not a calendar day: "${day}"`);
  return new TZDate(p[0], p[1] - 1, p[2], 'UTC');
}

function fromUtcDate(date: TZDate): Ymd {
  return format(date, 'yyyy-MM-dd');
}

export function addDaysToDay(day: Ymd, amount: number): Ymd {
  return fromUtcDate(addDays(toUtcDate(day), amount));
}

export function nextDay(day: Ymd): Ymd {
  return addDaysToDay(day, 1);
}

export function previousDay(day: Ymd): Ymd {
  return addDaysToDay(day, -1);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: Ymd): number {
  return getDay(toUtcDate(day));
}

export function yearOf(day: Ymd): number {
  return Number(day.slice(0, 4));
}

/** Builds a day from parts, clamping the date to the month's length (Feb 29 in a common year → Feb 28). */
export function dayFromParts(year: number, month: number, date: number): Ymd {
  const lastOfMonth = new TZDate(year, month, 0, 'UTC').getDate();
  return fromUtcDate(new TZDate(year, month - 1, Math.min(date, lastOfMonth), 'UTC'));
}

export function shanghaiDayOf(instant: Date): Ymd {
  return format(new TZDate(instant.getTime(), SHANGHAI), 'yyyy-MM-dd');
}

/** 00:00 Asia/Shanghai of the day, as an instant. */
export function startOfShanghaiDay(day: Ymd): Date {
  const p = parts(day);
  if (!p || !isYmd(day)) throw new RangeError(`not a calendar day: "${day}"`);
  return new Date(new TZDate(p[0], p[1] - 1, p[2], SHANGHAI).getTime());
}

/** 24:00 Asia/Shanghai of the day, i.e. 00:00 of the next one. */
export function endOfShanghaiDay(day: Ymd): Date {
  return startOfShanghaiDay(nextDay(day));
}
