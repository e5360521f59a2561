// Intervals during which a clock stands still (依申请公开: 补正, third-party consultation — 条例 Art. 30,
// 32–33 leave that time out of the count). A day counts only when the clock ran for all of it, so every
// Shanghai day a pause touches is left out, like a day off.
import { addDaysToDay, shanghaiDayOf, type Ymd } from '../calendar/ymd';
import type { PausedDays } from '../calendar/working-days';
import { dueDayOf } from './due-day';

export interface Pause {
  from: Date;
  /** Exclusive: the instant the clock runs again. */
  to: Date;
}

export function pausedDays(pauses: readonly Pause[]): PausedDays {
  const days = new Set<Ymd>();
  for (const pause of pauses) {
    if (pause.to.getTime() <= pause.from.getTime()) continue;
    // the day of the pause's last instant, the same step back as a deadline's due day
    const last = dueDayOf(pause.to);
    for (let day = shanghaiDayOf(pause.from); day <= last; day = addDaysToDay(day, 1)) days.add(day);
  }
  return days;
}
