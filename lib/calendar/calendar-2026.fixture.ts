// The 2026 arrangement (State Council notice of 2025-11-04), typed out by hand so tests do
// not change when the chinese-days package does; chinese-days-source.test.ts checks they agree.
import { makeCalendar, type Calendar } from './calendar';
import { addDaysToDay, type Ymd } from './ymd';

function span(first: Ymd, last: Ymd): Ymd[] {
  const days: Ymd[] = [];
  for (let day = first; day <= last; day = addDaysToDay(day, 1)) days.push(day);
  return days;
}

const FESTIVALS_2026: readonly (readonly [Ymd, Ymd, string])[] = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
];

export const HOLIDAY_NAMES_2026: readonly (readonly [Ymd, string])[] = FESTIVALS_2026.flatMap(([first, last, name]) =>
  span(first, last).map((day) => [day, name] as const),
);

export const HOLIDAYS_2026: readonly Ymd[] = HOLIDAY_NAMES_2026.map(([day]) => day);

export const WORKDAYS_2026: readonly Ymd[] = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

export const CALENDAR_2026: Calendar = makeCalendar({
  holidays: HOLIDAYS_2026,
  workdays: WORKDAYS_2026,
  years: [2026],
  names: HOLIDAY_NAMES_2026,
});
