// Score periods are calendar months in Asia/Shanghai, 'YYYY-MM'.
import { z } from 'zod';
import { shanghaiDayOf } from '../calendar/ymd';
import { dueDayOf } from '../deadlines/due-day';

export type Period = string;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const periodSchema = z.string({ error: '请指定月份，格式为 YYYY-MM' }).regex(PERIOD_PATTERN, '月份格式应为 YYYY-MM');

export function periodOf(instant: Date): Period {
  return shanghaiDayOf(instant).slice(0, 7);
}

/** The month of a deadline's due day: an obligation due at the end of 30 November is a November one. */
export function periodOfDeadline(dueAt: Date): Period {
  return dueDayOf(dueAt).slice(0, 7);
}

export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** [start, end): 00:00 of the 1st to 00:00 of the next month's 1st, Asia/Shanghai (+08:00, no DST since 1991). */
export function periodRange(period: Period): { start: Date; end: Date } {
  return { start: new Date(`${period}-01T00:00:00+08:00`), end: new Date(`${addMonths(period, 1)}-01T00:00:00+08:00`) };
}

/** The `count` months ending with `last`, oldest first. */
export function periodsEndingWith(last: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export function periodLabel(period: Period): string {
  const [year, month] = period.split('-');
  return `${year}年${Number(month)}月`;
}

/** Where leaders land: the last complete month, not the running one whose facts are still arriving. */
export function lastCompletePeriod(at: Date): Period {
  return addMonths(periodOf(at), -1);
}

/** Whether `period` is the month still running at `at`. */
export const isRunningPeriod = (period: Period, at: Date): boolean => period === periodOf(at);

/** A month as the pickers name it; the running one says so and up to which day it is counted. */
export function periodOptionLabel(period: Period, at: Date): string {
  if (!isRunningPeriod(period, at)) return periodLabel(period);
  const day = shanghaiDayOf(at);
  return `本月（进行中，截至 ${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日）`;
}

/** The month pickers' options, newest first: the running month, then `count` − 1 complete ones. */
export function periodOptions(at: Date, count: number): { value: Period; label: string }[] {
  return periodsEndingWith(periodOf(at), count)
    .reverse()
    .map((period) => ({ value: period, label: periodOptionLabel(period, at) }));
}
