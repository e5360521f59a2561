// BullMQ job schedulers (the sweep every second, the nightly rescore, the monthly reports …) live in Redis, so a
// Redis that restarts empty forgets them. Worker processes register them here; they are upserted at start and
// again whenever the connection becomes ready after a reconnect (an upsert of an existing scheduler is a no-op).
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from '../log';
import { createQueue } from './define-job';

export interface ScheduledJob {
  queue: string;
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  template: { name: string; data: object; opts?: JobSchedulerTemplateOptions };
}

export interface JobSchedulers {
  schedule: (job: ScheduledJob) => Promise<void>;
  close: () => Promise<void>;
}

export function createJobSchedulers(connection: Redis): JobSchedulers {
  const jobs: ScheduledJob[] = [];
  const queues = new Map<string, Queue>();
  const queueFor = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = createQueue(name, connection);
      queues.set(name, queue);
    }
    return queue;
  };
  const upsert = (job: ScheduledJob) => queueFor(job.queue).upsertJobScheduler(job.id, job.repeat, job.template);

  let connectedBefore = connection.status === 'ready';
  const onReady = () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    void Promise.all(jobs.map(upsert)).then(
      () => log.info({ schedulers: jobs.length }, 'job schedulers upserted after Redis reconnected'),
      (error: Error) => log.warn({ err: error.message }, 'job schedulers not upserted after reconnect'),
    );
  };
  connection.on('ready', onReady);

  return {
    schedule: async (job) => {
      jobs.push(job);
      await upsert(job);
    },
    close: async () => {
      connection.off('ready', onReady);
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    },
  };
}
