// A deadline is the end (24:00 Asia/Shanghai) of its due day, stored as 00:00 of the next day: the due
// day is the Shanghai day of the last instant before it. The one place that steps back that instant.
import { endOfShanghaiDay, shanghaiDayOf, type Ymd } from '../calendar/ymd';

/** The last calendar day on time for a due instant (24:00 of that day is 00:00 of the next). */
export function dueDayOf(dueAt: Date): Ymd {
  return shanghaiDayOf(new Date(dueAt.getTime() - 1));
}

/** The deadline of a due day: its 24:00, stored as 00:00 of the next day. */
export function dueAtOf(dueDay: Ymd): Date {
  return endOfShanghaiDay(dueDay);
}
