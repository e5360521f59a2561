// Fast day arithmetic for planning a year of items. Every day of the planning range is looked up once
// in the calendar and kept in arrays, so the tens of thousands of date steps the plan takes are
// integer operations instead of time-zone conversions.
import type { Calendar } from '../lib/calendar/calendar';
import { isWorkingDay } from '../lib/calendar/working-days';
import { startOfShanghaiDay, type Ymd } from '../lib/calendar/ymd';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991; checked against the tz database
// for the range's ends in the constructor.
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

function epochDay(day: Ymd): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function ymdOfEpochDay(n: number): Ymd {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export class DayIndex {
  private readonly baseEpochDay: number;
  private readonly days: Ymd[] = [];
  private readonly working: boolean[] = [];

  constructor(cal: Calendar, from: Ymd, to: Ymd) {
    this.baseEpochDay = epochDay(from);
    const last = epochDay(to);
    for (let n = this.baseEpochDay; n <= last; n++) {
      const day = ymdOfEpochDay(n);
      this.days.push(day);
      this.working.push(isWorkingDay(cal, day));
    }
    for (const day of [from, to]) {
      if (startOfShanghaiDay(day).getTime() !== this.start(this.indexOf(day))) {
        throw new Error(`Asia/Shanghai is not UTC+8 on ${day}; the day index cannot be used`);
      }
    }
  }

  indexOf(day: Ymd): number {
    return this.check(epochDay(day) - this.baseEpochDay);
  }

  /** Index of the Asia/Shanghai day an instant falls on. */
  indexOfInstant(ms: number): number {
    return this.check(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) - this.baseEpochDay);
  }

  day(i: number): Ymd {
    return this.days[this.check(i)]!;
  }

  /** 00:00 Asia/Shanghai of day i, in epoch milliseconds. */
  start(i: number): number {
    return (this.baseEpochDay + i) * DAY_MS - SHANGHAI_OFFSET_MS;
  }

  isWorking(i: number): boolean {
    return this.working[this.check(i)]!;
  }

  /** The k-th working day after day i (k ≥ 1), or -1 past the end of the range. */
  addWorkingDays(i: number, k: number): number {
    let found = 0;
    for (let j = i + 1; j < this.days.length; j++) {
      if (this.working[j] && ++found === k) return j;
    }
    return -1;
  }

  /** Indices of the working days in [from, to], both included. */
  workingDaysBetween(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = Math.max(from, 0); i <= Math.min(to, this.days.length - 1); i++) if (this.working[i]) out.push(i);
    return out;
  }

  private check(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.days.length) {
      throw new RangeError(`day index ${i} outside the planning range ${this.days[0]}..${this.days[this.days.length - 1]}`);
    }
    return i;
  }
}
