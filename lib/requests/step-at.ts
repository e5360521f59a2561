// When a step of a request happened (DESIGN §3 `at`): given, or now; never in the future nor before the
// previous step. A bare date means that day in Asia/Shanghai: recorded as now for today, else as the day's
// start — or the previous step's moment, when that was later the same day — so "it happened on the 16th" always
// fits after a step taken that morning. Only the day matters to the clocks. Pure.
import { shanghaiDayOf, startOfShanghaiDay } from '../calendar/ymd';
import { formatTime } from '../format/shanghai-time';
import type { StepAt } from './schemas';

export type StepAtResult = { ok: true; at: Date } | { ok: false; message: string };

export function resolveStepAt(given: StepAt | undefined, previousAt: Date, now: Date, label = '时间'): StepAtResult {
  if (given === undefined) return now < previousAt ? { ok: true, at: previousAt } : { ok: true, at: now };
  if ('day' in given) {
    const today = shanghaiDayOf(now);
    if (given.day > today) return { ok: false, message: `${label}不能晚于今天` };
    if (given.day < shanghaiDayOf(previousAt)) return { ok: false, message: `${label}不能早于上一步（${formatTime(previousAt)}）` };
    const at = given.day === today ? now : startOfShanghaiDay(given.day);
    return { ok: true, at: at < previousAt ? previousAt : at };
  }
  if (given.instant > now) return { ok: false, message: `${label}不能晚于当前时间` };
  if (given.instant < previousAt) return { ok: false, message: `${label}不能早于上一步（${formatTime(previousAt)}）` };
  return { ok: true, at: given.instant };
}
