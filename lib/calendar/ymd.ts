// Calendar days as 'YYYY-MM-DD' strings. Day arithmetic runs on UTC day numbers, so the machine's
// time zone never shifts a day and a walk over a year of days stays cheap (a TZDate step costs tens
// of µs); instants convert through Asia/Shanghai, where every deadline lives, with tzOffset.
import { tzOffset } from '@date-fns/tz';
import { z } from 'zod';

export const SHANGHAI = 'Asia/Shanghai';
const MS_PER_DAY = 86_400_000;

/** A calendar day, 'YYYY-MM-DD'; ordering by string comparison is chronological. */
export type Ymd = string;

const YMD_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: Ymd): [number, number, number] | null {
  const match = YMD_PATTERN.exec(day);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Days since 1970-01-01 of a real calendar day, or NaN. */
function dayNumber(day: Ymd): number {
  const p = parts(day);
  if (!p) return Number.NaN;
  const [year, month, date] = p;
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to 03-02, so a real day is one that survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return Number.NaN;
  return ms / MS_PER_DAY;
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * The day `n` days after 1970-01-01. Pure arithmetic (Hinnant's civil_from_days) because walks call
 * it for every day they step over and Date#toISOString costs ~1 µs a call.
 */
export function fromDayNumber(n: number): Ymd {
  const z = n + 719_468; // days from 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`;
}

/** Days since 1970-01-01; throws on anything that is not a real calendar day. */
export function requireDayNumber(day: Ymd): number {
  const n = dayNumber(day);
  if (Number.isNaN(n)) throw new RangeError(`not a calendar day: "${day}"`);
  return n;
}

export function isYmd(value: string): boolean {
  return !Number.isNaN(dayNumber(value));
}

export const ymdSchema = z
  .string({ error: '请输入日期，格式为 YYYY-MM-DD' })
  .regex(YMD_PATTERN, '日期格式应为 YYYY-MM-DD')
  .refine(isYmd, '日期不存在');

export function addDaysToDay(day: Ymd, amount: number): Ymd {
  return fromDayNumber(requireDayNumber(day) + amount);
}

export function nextDay(day: Ymd): Ymd {
  return addDaysToDay(day, 1);
}

export function previousDay(day: Ymd): Ymd {
  return addDaysToDay(day, -1);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: Ymd): number {
  return weekdayOfNumber(requireDayNumber(day));
}

export function weekdayOfNumber(n: number): number {
  // 1970-01-01 was a Thursday
  return (((n + 4) % 7) + 7) % 7;
}

export function yearOf(day: Ymd): number {
  return Number(day.slice(0, 4));
}

/** Builds a day from parts, clamping the date to the month's length (Feb 29 in a common year → Feb 28). */
export function dayFromParts(year: number, month: number, date: number): Ymd {
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(year, month - 1, Math.min(date, lastOfMonth)) / MS_PER_DAY);
}

export function shanghaiDayOf(instant: Date): Ymd {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  const offsetMs = tzOffset(SHANGHAI, instant) * 60_000;
  return fromDayNumber(Math.floor((instant.getTime() + offsetMs) / MS_PER_DAY));
}

/** 00:00 Asia/Shanghai of the day, as an instant. */
export function startOfShanghaiDay(day: Ymd): Date {
  const wallMs = requireDayNumber(day) * MS_PER_DAY;
  // Asia/Shanghai has kept +08:00 since 1991; the second look only matters across an offset change.
  const guess = wallMs - tzOffset(SHANGHAI, new Date(wallMs)) * 60_000;
  return new Date(wallMs - tzOffset(SHANGHAI, new Date(guess)) * 60_000);
}

/** 24:00 Asia/Shanghai of the day, i.e. 00:00 of the next one. */
export function endOfShanghaiDay(day: Ymd): Date {
  return startOfShanghaiDay(nextDay(day));
}
