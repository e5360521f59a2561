// Each job is defined once: its queue, payload schema and handler. `enqueue` is typed; `process` parses the
// payload again and fails a bad one as unrecoverable instead of retrying it forever, takes the owed_jobs row
// the job was sent for before the handler reads anything, and settles it once the handler has done the work
// (lib/jobs/owed-job-run.ts). Handlers read the state as it is when they run: the payload names what to do,
// never the data to do it with, so one run answers for every generation of the row it took.
import { Queue, UnrecoverableError, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { redisPrefix } from '../env';
import { completeOwedJob, takeOwedJob } from './owed-job-run';

export interface JobDefinition<S extends z.ZodType, R> {
  name: string;
  queue: string;
  schema: S;
  handle: (payload: z.infer<S>, job: Job) => Promise<R>;
}

export interface DefinedJob<S extends z.ZodType, R> extends JobDefinition<S, R> {
  enqueue: (queue: Queue, payload: z.infer<S>, options?: JobsOptions) => Promise<Job>;
  process: (job: Job) => Promise<R>;
}

export function defineJob<S extends z.ZodType, R>(definition: JobDefinition<S, R>): DefinedJob<S, R> {
  return {
    ...definition,
    enqueue: (queue, payload, options) => queue.add(definition.name, definition.schema.parse(payload), options),
    process: async (job) => {
      const parsed = definition.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${definition.name}: ${parsed.error.message}`);
      const taken = await takeOwedJob(job.id);
      const result = await definition.handle(parsed.data, job);
      await completeOwedJob(taken);
      return result;
    },
  };
}

/** BullMQ prefixes its keys itself; ours ends in ':', BullMQ adds its own separator. */
export const bullmqPrefix = () => redisPrefix().replace(/:$/, '');

// BullMQ keeps a stream of every job's events per queue, 10,000 entries by default. Nothing in the product
// reads it (tests wait on it through QueueEvents, briefly); at 10,000 a busy queue's stream is most of what
// Redis holds and keeps growing for an hour after start (the sweep's), which the soak read as Redis growing.
export const QUEUE_OPTIONS = { streams: { events: { maxLen: 1_000 } } } as const;

export function createQueue(name: string, connection: Redis): Queue {
  const queue = new Queue(name, { connection, prefix: bullmqPrefix(), ...QUEUE_OPTIONS });
  // errors surface on each call (an add, an upsert); without a listener a Redis outage prints a stack trace
  // for every reconnect attempt
  queue.on('error', () => {});
  return queue;
}
