// A holiday arrangement from an .ics file (the calendars published for 中国法定节假日): every all-day event
// is a run of days off, unless its title says 班 (调休上班), then they are worked weekend days.
import ICAL from 'ical.js';
import { addDaysToDay, dayFromParts, yearOf, type Ymd } from './ymd';

export interface IcsArrangement {
  holidays: Ymd[];
  workdays: Ymd[];
  /** Festival name per day, from the event title. */
  names: Record<Ymd, string>;
}

const MAX_EVENT_DAYS = 31;

/** Days of `year` only; throws an Error with a zh-CN message when the file is not iCalendar. */
export function parseIcsArrangement(text: string, year: number): IcsArrangement {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new Error('文件不是有效的 iCalendar（.ics）格式');
  }
  const holidays = new Set<Ymd>();
  const workdays = new Set<Ymd>();
  const names: Record<Ymd, string> = {};
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    if (!start) continue;
    const summary = (event.summary ?? '').trim();
    const isWorkday = /班/.test(summary) && !/休/.test(summary.replace(/调休/g, ''));
    const first = dayFromParts(start.year, start.month, start.day);
    const end = event.endDate;
    // DTEND of an all-day event is exclusive; a missing one means the start day alone
    const last = end && end.compare(start) > 0 ? addDaysToDay(dayFromParts(end.year, end.month, end.day), start.isDate ? -1 : 0) : first;
    let day = first;
    for (let i = 0; day <= last && i < MAX_EVENT_DAYS; i++, day = addDaysToDay(day, 1)) {
      if (yearOf(day) !== year) continue;
      (isWorkday ? workdays : holidays).add(day);
      if (summary) names[day] = summary;
    }
  }
  for (const day of workdays) holidays.delete(day);
  return { holidays: [...holidays].sort(), workdays: [...workdays].sort(), names };
}
