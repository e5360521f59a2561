// The SLA countdown of the handler's queue: time left to the waiting step's due time, or how long ago it
// passed. Whole days beyond a day, hours and minutes below. How urgent it is, is the complaint's level
// (lib/deadlines), not a threshold of its own.

export interface TimeLeft {
  text: string;
  isOverdue: boolean;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function span(ms: number): string {
  if (ms >= DAY_MS) {
    const days = Math.floor(ms / DAY_MS);
    const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
    return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  }
  if (ms >= HOUR_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
    return minutes > 0 ? `${hours} 小时 ${minutes} 分` : `${hours} 小时`;
  }
  return `${Math.max(1, Math.floor(ms / MINUTE_MS))} 分钟`;
}

export function timeLeft(dueAt: string, nowMs: number): TimeLeft {
  const ms = Date.parse(dueAt) - nowMs;
  if (ms <= 0) return { text: `已超时 ${span(-ms)}`, isOverdue: true };
  return { text: `剩余 ${span(ms)}`, isOverdue: false };
}
