// An open-loop load generator: request i is sent at t0 + i / rate whatever happened to the earlier ones
// (a closed loop would slow down with the system and hide its latency). Bounded by count and by the
// number of requests in flight: past `maxInFlight` the system is not keeping up and the step is abandoned.
import { sleep } from './stats';

export interface PacedResult {
  sent: number;
  failed: number;
  /** True when in-flight requests passed maxInFlight and sending stopped early. */
  overloaded: boolean;
  /** The rate actually sent at, per second. */
  achievedRate: number;
  /** How far behind schedule the sender fell at worst, ms (a busy bench process). */
  maxLagMs: number;
}

export async function runPaced(options: {
  rate: number;
  count: number;
  send: (index: number) => Promise<boolean>;
  maxInFlight?: number;
}): Promise<PacedResult> {
  const { rate, count, send } = options;
  const maxInFlight = options.maxInFlight ?? Math.max(200, rate);
  const intervalMs = 1000 / rate;
  const pending = new Set<Promise<void>>();
  let next = 0;
  let failed = 0;
  let overloaded = false;
  let maxLagMs = 0;
  const t0 = performance.now();
  while (next < count && !overloaded) {
    const elapsed = performance.now() - t0;
    const due = Math.min(count, Math.floor(elapsed / intervalMs) + 1);
    if (due > next) maxLagMs = Math.max(maxLagMs, elapsed - next * intervalMs);
    while (next < due) {
      if (pending.size >= maxInFlight) {
        overloaded = true;
        break;
      }
      const index = next++;
      const request: Promise<void> = send(index)
        .then((ok) => {
          if (!ok) failed += 1;
        })
        .catch(() => {
          failed += 1;
        })
        .finally(() => pending.delete(request));
      pending.add(request);
    }
    if (next < count) await sleep(Math.max(0, t0 + next * intervalMs - performance.now()));
  }
  const sendMs = performance.now() - t0;
  await Promise.race([Promise.allSettled([...pending]), sleep(180_000)]);
  return { sent: next, failed, overloaded, achievedRate: (next / Math.max(1, sendMs)) * 1000, maxLagMs };
}
