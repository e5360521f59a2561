// A job sent by the relay is done: its owed_jobs row goes. Completions of many jobs (a check batch of 32)
// share one statement. A failed delete fails the job, and BullMQ's retry repeats idempotent work rather
// than leave the row owed.
import { sql } from '../db/sql';
import { createBatcher } from './batcher';
import { completeOwedJobs, parseOwedJobId } from './owed-jobs';

let completions: ReturnType<typeof createBatcher<{ id: number; generation: number }, void>> | undefined;

export async function completeOwedJob(jobId: string | undefined): Promise<void> {
  const owed = parseOwedJobId(jobId);
  if (!owed) return;
  completions ??= createBatcher((done) => completeOwedJobs(sql, done), { maxSize: 256, maxInFlight: 1 });
  await completions.add(owed);
}
