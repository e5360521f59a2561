// An open-loop stream: call i is made at t0 + i / rate whatever happened to the earlier ones (a closed loop
// would slow down with the system under fault and hide the outage). Bounded: past `maxInFlight` calls still
// open, new ones are skipped and counted, so a hanging system cannot pile up unbounded work here.

export interface PacedStream {
  /** Stops making calls and waits (bounded) for the ones in flight. */
  stop: () => Promise<{ started: number; skipped: number }>;
}

export function startPacedStream(options: { rate: number; call: (index: number) => Promise<void>; maxInFlight?: number }): PacedStream {
  const { rate, call } = options;
  const maxInFlight = options.maxInFlight ?? Math.max(100, rate * 12);
  const intervalMs = 1000 / rate;
  const pending = new Set<Promise<void>>();
  const t0 = performance.now();
  let next = 0;
  let started = 0;
  let skipped = 0;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    const due = Math.floor((performance.now() - t0) / intervalMs) + 1;
    while (next < due) {
      const index = next++;
      if (pending.size >= maxInFlight) {
        skipped += 1;
        continue;
      }
      started += 1;
      const running: Promise<void> = call(index)
        .catch((error: Error) => console.error(`stream call ${index}: ${error.message}`))
        .finally(() => pending.delete(running));
      pending.add(running);
    }
    timer = setTimeout(tick, Math.max(1, t0 + next * intervalMs - performance.now()));
  };
  let timer = setTimeout(tick, 0);

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => setTimeout(resolve, 30_000))]);
      return { started, skipped };
    },
  };
}
