// Why a clock's due day falls where it does: the days between the start and the due day that did not
// count (a weekend, the named holiday, a pause), and the weekends that did (调休上班). Shown beside a
// deadline so an office can check the count by hand.
import type { Calendar } from '../calendar/calendar';
import { isProvisional, type PausedDays } from '../calendar/working-days';
import { addDaysToDay, dayOfWeek, type Ymd } from '../calendar/ymd';

export type SkipReason = 'weekend' | 'holiday' | 'paused';

export interface SkippedDay {
  day: Ymd;
  reason: SkipReason;
  /** The festival of a holiday (春节, 国庆节), when the calendar names it. */
  holiday?: string;
}

export interface ClockExplanation {
  /** The days looked at, first to last (the due day); null when the due day is a date fixed in advance. */
  window: { from: Ymd; to: Ymd } | null;
  unit: 'working_days' | 'calendar_days' | null;
  /** Days of the window that did not count, in order. */
  skipped: SkippedDay[];
  /** Weekend days of the window that counted as adjusted working days (调休上班). */
  adjustedWorkdays: Ymd[];
}

export function explainDueDay(
  cal: Calendar,
  dueDay: Ymd,
  counted: { from: Ymd; unit: 'working_days' | 'calendar_days' } | null,
  paused: PausedDays,
): ClockExplanation {
  if (!counted || counted.from > dueDay) {
    return { window: counted ? { from: counted.from, to: dueDay } : null, unit: counted?.unit ?? null, skipped: [], adjustedWorkdays: [] };
  }
  const skipped: SkippedDay[] = [];
  const adjustedWorkdays: Ymd[] = [];
  for (let day = counted.from; day <= dueDay; day = addDaysToDay(day, 1)) {
    if (counted.unit === 'calendar_days') {
      if (paused.has(day)) skipped.push({ day, reason: 'paused' });
      continue;
    }
    const off = offReason(cal, day);
    if (off === 'adjusted') {
      if (paused.has(day)) skipped.push({ day, reason: 'paused' });
      else adjustedWorkdays.push(day);
    } else if (off) {
      skipped.push(off);
    } else if (paused.has(day)) {
      skipped.push({ day, reason: 'paused' });
    }
  }
  return { window: { from: counted.from, to: dueDay }, unit: counted.unit, skipped, adjustedWorkdays };
}

/** Why a day is off by the calendar, 'adjusted' for a worked weekend, null for an ordinary working day. */
function offReason(cal: Calendar, day: Ymd): SkippedDay | 'adjusted' | null {
  const weekday = dayOfWeek(day);
  const isWeekend = weekday === 0 || weekday === 6;
  if (!isProvisional(cal, day)) {
    if (cal.workdays.has(day)) return isWeekend ? 'adjusted' : null;
    if (cal.holidays.has(day)) {
      const name = cal.names.get(day);
      return { day, reason: 'holiday', ...(name ? { holiday: name } : {}) };
    }
  }
  return isWeekend ? { day, reason: 'weekend' } : null;
}
