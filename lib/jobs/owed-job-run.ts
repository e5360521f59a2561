// A job the relay sent, as it runs: before the handler reads anything it takes its owed_jobs row (every
// generation owed so far, including work owed while it waited in Redis), and once the handler is done that
// generation's row goes. Takes and completions of many jobs (a check batch of 32) share one statement each.
// A failed take or delete fails the job, and BullMQ's retry repeats idempotent work rather than leave the row
// owed.
import { sql } from '../db/sql';
import { createBatcher } from './batcher';
import { completeOwedJobs, parseOwedJobId, takeOwedJobs } from './owed-jobs';

type Owed = { id: number; generation: number };

let takes: ReturnType<typeof createBatcher<Owed, Map<number, number>>> | undefined;
let completions: ReturnType<typeof createBatcher<Owed, void>> | undefined;

/** The generation of the row this job now answers for, or null (not a relay's job, or its row is gone). */
export async function takeOwedJob(jobId: string | undefined): Promise<Owed | null> {
  const owed = parseOwedJobId(jobId);
  if (!owed) return null;
  takes ??= createBatcher((jobs) => takeOwedJobs(sql, jobs), { maxSize: 256, maxInFlight: 2 });
  const generation = (await takes.add(owed)).get(owed.id);
  return generation === undefined ? null : { id: owed.id, generation };
}

export async function completeOwedJob(taken: Owed | null): Promise<void> {
  if (!taken) return;
  completions ??= createBatcher((done) => completeOwedJobs(sql, done), { maxSize: 256, maxInFlight: 1 });
  await completions.add(taken);
}
