// One BullMQ worker for one queue, running the defined jobs (lib/jobs/define-job.ts) of that queue by name.
// Every worker file declares its jobs and their scheduling and calls this; the listeners, the dispatch by
// name and the wait for an absent Postgres live here once.
import { Worker, type Job, type WorkerOptions } from 'bullmq';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { log } from '../lib/log';
import type { RunningWorker, WorkerContext } from './context';
import { deferWhileDatabaseDown } from './defer-while-database-down';

export interface RunnableJob {
  name: string;
  process: (job: Job) => Promise<unknown>;
}

export function startJobWorker(
  { connection }: Pick<WorkerContext, 'connection'>,
  options: {
    queue: string;
    jobs: readonly RunnableJob[];
    concurrency: number;
    /** What a finished job records as its return value in Redis (default: nothing). */
    summarize?: (result: unknown) => unknown;
    /**
     * A job that meets an absent Postgres waits for it (default). A pass that a scheduler repeats every second
     * simply fails: the next one comes anyway.
     */
    waitForDatabase?: boolean;
  } & Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'>,
): RunningWorker {
  const { queue, jobs, concurrency, summarize, waitForDatabase = true, ...locks } = options;
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const run = async (job: Job) => {
    const definition = byName.get(job.name);
    if (!definition) throw new Error(`unknown job ${job.name}`);
    const result = await definition.process(job);
    return summarize ? summarize(result) : undefined;
  };
  const worker = new Worker(queue, waitForDatabase ? deferWhileDatabaseDown(run) : run, {
    connection,
    prefix: bullmqPrefix(),
    concurrency,
    ...locks,
  });
  worker.on('error', (error) => log.error({ err: error.message, queue }, 'worker error'));
  worker.on('failed', (job, error) => log.warn({ queue, job: job?.id, name: job?.name, err: error.message }, 'job failed'));
  return { close: () => worker.close() };
}
