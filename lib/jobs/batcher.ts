// Group commit for jobs (the check worker, owed-job completions): jobs that arrive while a batch is being checked wait and go together in
// the next one, so under load one transaction (a fixed number of statements, checkItems) serves many items,
// while a lone job still starts at once (on the next turn of the event loop). A failed batch is retried one
// input at a time, so one bad item fails only its own job and BullMQ retries only that one.
export interface Batcher<T, R> {
  add: (input: T) => Promise<R>;
}

export function createBatcher<T, R>(
  run: (inputs: T[]) => Promise<R>,
  options: { maxSize: number; maxInFlight: number },
): Batcher<T, R> {
  type Waiter = { input: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  let pending: Waiter[] = [];
  let inFlight = 0;
  let scheduled = false;

  const settle = async (batch: Waiter[]) => {
    try {
      const result = await run(batch.map((waiter) => waiter.input));
      for (const waiter of batch) waiter.resolve(result);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map((waiter) => run([waiter.input]).then(waiter.resolve, waiter.reject)));
    }
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < options.maxInFlight && pending.length > 0) {
      const batch = pending.slice(0, options.maxSize);
      pending = pending.slice(options.maxSize);
      inFlight += 1;
      void settle(batch).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  };

  const schedule = () => {
    if (scheduled || pending.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    add: (input) =>
      new Promise<R>((resolve, reject) => {
        pending.push({ input, resolve, reject });
        schedule();
      }),
  };
}
