// The soak's verdict from its samples. Pure.
// - memory flat: for each process, the median RSS of the last window is less than 10% above the median of
//   the first window after the warm-up (the first window: caches, JIT and pools fill up there)
// - latency flat: the p95 of ingest → socket in the last window is at most 1.5 × that of the first window
//   after the warm-up, plus 100 ms of slack for a 2-core machine shared with other work
import { percentile } from './phase-figures';

export interface RssSample {
  at: number;
  /** process name → resident set, KiB (absent while the process is not running) */
  rssKiB: Record<string, number>;
  /** check queue: waiting jobs, null while Redis did not answer */
  waiting: number | null;
  /** the outbox (owed_jobs, lib/jobs/owed-jobs.ts owedLag): jobs owed and not yet sent to Redis */
  unsentOwed?: number | null;
  /** and the age of the oldest job owed and not yet done, s (null while unreadable) */
  oldestOwedS?: number | null;
}

export interface LatencySample {
  /** when the post that caused the alert change was sent */
  sentAt: number;
  ms: number;
}

export interface SoakWindow {
  index: number;
  from: number;
  to: number;
  deliveries: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxWaiting: number | null;
  maxUnsentOwed: number | null;
  maxOldestOwedS: number | null;
  medianRssKiB: Record<string, number>;
}

export interface SoakVerdict {
  windows: SoakWindow[];
  /** per process: growth from the first window after warm-up to the last, as a fraction */
  rssGrowth: Record<string, number>;
  memoryFlat: boolean;
  latencyFlat: boolean;
  latencyBaselineP95Ms: number | null;
  latencyLastP95Ms: number | null;
}

export const MAX_RSS_GROWTH = 0.1;
const LATENCY_FACTOR = 1.5;
const LATENCY_SLACK_MS = 100;

function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

export function computeSoakVerdict(input: {
  startedAt: number;
  endedAt: number;
  windowMs: number;
  samples: readonly RssSample[];
  latencies: readonly LatencySample[];
}): SoakVerdict {
  const { startedAt, endedAt, windowMs, samples, latencies } = input;
  const count = Math.max(1, Math.ceil((endedAt - startedAt) / windowMs));
  const names = [...new Set(samples.flatMap((sample) => Object.keys(sample.rssKiB)))].sort();
  const windows: SoakWindow[] = [];
  for (let index = 0; index < count; index += 1) {
    const from = startedAt + index * windowMs;
    const to = Math.min(endedAt, from + windowMs);
    const inWindow = samples.filter((sample) => sample.at >= from && sample.at < to);
    const ms = latencies.filter((sample) => sample.sentAt >= from && sample.sentAt < to).map((sample) => sample.ms);
    const waiting = inWindow.map((sample) => sample.waiting).filter((value): value is number => value !== null);
    const present = (value: number | null | undefined): value is number => value !== null && value !== undefined;
    const unsent = inWindow.map((sample) => sample.unsentOwed).filter(present);
    const owed = inWindow.map((sample) => sample.oldestOwedS).filter(present);
    const medianRssKiB: Record<string, number> = {};
    for (const name of names) {
      const value = median(inWindow.map((sample) => sample.rssKiB[name]).filter((kib): kib is number => kib !== undefined));
      if (value !== null) medianRssKiB[name] = value;
    }
    windows.push({
      index,
      from,
      to,
      deliveries: ms.length,
      p50Ms: percentile(ms, 50),
      p95Ms: percentile(ms, 95),
      maxWaiting: waiting.length > 0 ? Math.max(...waiting) : null,
      maxUnsentOwed: unsent.length > 0 ? Math.max(...unsent) : null,
      maxOldestOwedS: owed.length > 0 ? Math.max(...owed) : null,
      medianRssKiB,
    });
  }
  // with a single window there is no "after warm-up": compare it with itself
  const baseline = windows[Math.min(1, windows.length - 1)]!;
  const last = windows[windows.length - 1]!;
  const rssGrowth: Record<string, number> = {};
  for (const name of names) {
    const before = baseline.medianRssKiB[name];
    const after = last.medianRssKiB[name];
    if (before && after) rssGrowth[name] = after / before - 1;
  }
  // a process without a figure in both windows (not running then) cannot be called flat
  const memoryFlat = names.length > 0 && names.every((name) => rssGrowth[name] !== undefined && rssGrowth[name] < MAX_RSS_GROWTH);
  const latencyFlat =
    baseline.p95Ms !== null && last.p95Ms !== null && last.p95Ms <= LATENCY_FACTOR * baseline.p95Ms + LATENCY_SLACK_MS;
  return { windows, rssGrowth, memoryFlat, latencyFlat, latencyBaselineP95Ms: baseline.p95Ms, latencyLastP95Ms: last.p95Ms };
}
