// Intervals during which a clock stands still (依申请公开: consultation of a third party or another agency —
// 条例 Art. 32–33 leave that time out of the count). Counted by days, as the issue fixes it: the days strictly
// after the day a pause starts, up to and including the day it ends, do not count. The start day counted in
// full (the office worked on the request that day); the end day does not (the answer came that day). So a
// consultation from Tue 2026-11-10 to Mon 11-16 leaves out 11-11, 11-12, 11-13 and 11-16 (the weekend would
// not have counted anyway), and one that starts and ends on the same day leaves out nothing.
import { addDaysToDay, shanghaiDayOf, type Ymd } from '../calendar/ymd';
import type { PausedDays } from '../calendar/working-days';

export interface Pause {
  /** When the pause started: its day still counts. */
  from: Date;
  /** When it ended (the clock runs again the next day): its day does not count. */
  to: Date;
}

export function pausedDays(pauses: readonly Pause[]): PausedDays {
  const days = new Set<Ymd>();
  for (const pause of pauses) {
    const last = shanghaiDayOf(pause.to);
    for (let day = addDaysToDay(shanghaiDayOf(pause.from), 1); day <= last; day = addDaysToDay(day, 1)) days.add(day);
  }
  return days;
}
