// A table that changes rarely but is read by every job (the rules, the calendar): each process keeps it and
// compares a cheap stamp of the table at most every `checkEveryMs`, reloading only when the stamp moved, so a
// change saved by one process reaches every web and worker process within that time. The interval runs on
// the machine's clock: it is about freshness, not deadlines.
import type { Db } from './sql';

export interface StampedCache<T> {
  get: (db: Db, nowMs?: number) => Promise<T>;
  /** Call after changing the table so this process sees the change at once. */
  invalidate: () => void;
}

interface Cached<T> {
  value: Promise<T>;
  stamp: Promise<string>;
  checkedAtMs: number;
}

export function createStampedCache<T>(options: {
  stamp: (db: Db) => Promise<string>;
  load: (db: Db) => Promise<T>;
  checkEveryMs: number;
}): StampedCache<T> {
  let cached: Cached<T> | undefined;
  return {
    get: (db, nowMs = Date.now()) => {
      const current = cached;
      if (current && nowMs - current.checkedAtMs < options.checkEveryMs) return current.value;
      const stamp = options.stamp(db);
      const entry: Cached<T> = {
        stamp,
        checkedAtMs: nowMs,
        value: current
          ? Promise.all([stamp, current.stamp.catch(() => null)]).then(([next, previous]) =>
              next === previous ? current.value : options.load(db),
            )
          : stamp.then(() => options.load(db)),
      };
      cached = entry;
      // concurrent callers share the one load; a failed load is forgotten so the next call retries
      entry.value.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return entry.value;
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}
