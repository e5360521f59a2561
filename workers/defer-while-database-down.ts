// A job that fails because Postgres is away has not failed: it waits for Postgres. Without this, a job with
// 5 attempts and a short backoff (the check job) would spend them all within seconds of a Postgres restart
// and stay failed, and its item would never be checked. A delayed job keeps its attempts.
import { DelayedError, type Job } from 'bullmq';
import { isDatabaseUnavailable } from '../lib/db/is-database-unavailable';
import { log } from '../lib/log';

export const DATABASE_RETRY_MS = 1_000;

export function deferWhileDatabaseDown<R>(
  processor: (job: Job, token?: string) => Promise<R>,
): (job: Job, token?: string) => Promise<R> {
  return async (job, token) => {
    try {
      return await processor(job, token);
    } catch (error) {
      if (!token || !isDatabaseUnavailable(error)) throw error;
      log.warn({ queue: job.queueName, job: job.id, err: (error as Error).message }, 'database unavailable: job waits');
      await job.moveToDelayed(Date.now() + DATABASE_RETRY_MS, token);
      throw new DelayedError();
    }
  };
}
