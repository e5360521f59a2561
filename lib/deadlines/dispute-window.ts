// 申诉期限: a dispute may be filed until the end (24:00 Asia/Shanghai) of the nth working day after the day the
// alert opened or the deduction was recorded, that day not counted — the same clock as every other deadline.
import type { Calendar } from '../calendar/calendar';
import { dueOfLimit } from './clock';

export function disputeWindowEnd(cal: Calendar, from: Date, workingDays: number): Date {
  return dueOfLimit(cal, { kind: 'working_days', from, n: workingDays }).dueAt;
}

export function isWithinDisputeWindow(cal: Calendar, from: Date, workingDays: number, at: Date): boolean {
  return at < disputeWindowEnd(cal, from, workingDays);
}
