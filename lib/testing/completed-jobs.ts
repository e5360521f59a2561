// A negative check ("nothing crosses before midnight") needs proof that the worker looked, not a sleep that
// assumes a quiet machine. Counts a queue's completed jobs from BullMQ's event stream; free of the
// application's modules, so a test can import it before it sets the environment those modules read.
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { waitUntil } from './wait-until';

export interface CompletedJobs {
  /**
   * Resolves once `count` jobs have completed since `sinceMs` (Date.now() of this machine, the clock Redis
   * stamps its stream entries with). For a queue that one process works at concurrency 1, the second of them
   * started after the first had finished, so after `sinceMs`: a full pass that saw whatever was done before.
   */
  waitFor: (count: number, sinceMs: number, what: string, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** `connection` must be dedicated: QueueEvents blocks on it, and close() ends it. */
export async function watchCompletedJobs(queue: string, connection: Redis, prefix: string): Promise<CompletedJobs> {
  const events = new QueueEvents(queue, { connection, prefix });
  const completedAt: number[] = [];
  // a stream entry's id is `<ms>-<seq>`, the time Redis added it
  events.on('completed', (_job, id) => completedAt.push(Number(id.split('-')[0])));
  await events.waitUntilReady();
  return {
    waitFor: (count, sinceMs, what, timeoutMs = 10_000) =>
      waitUntil(() => completedAt.filter((at) => at >= sinceMs).length >= count, what, timeoutMs),
    close: () => events.close(),
  };
}
