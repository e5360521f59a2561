// maintenance queue: hourly session purge and other housekeeping.
import { Worker } from 'bullmq';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { MAINTENANCE_QUEUE, maintenanceSchedules, purgeSessionsJob } from '../lib/jobs/maintenance';
import { log } from '../lib/log';
import type { RunningWorker, WorkerContext } from './context';

const jobs = new Map([[purgeSessionsJob.name, purgeSessionsJob]]);

export async function startMaintenanceWorker({ connection, schedulers }: WorkerContext): Promise<RunningWorker> {
  for (const schedule of maintenanceSchedules) {
    await schedulers.schedule({ queue: MAINTENANCE_QUEUE, id: schedule.id, repeat: { every: schedule.every }, template: { name: schedule.job.name, data: {} } });
  }
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      const definition = jobs.get(job.name);
      if (!definition) throw new Error(`unknown job ${job.name}`);
      return definition.process(job);
    },
    { connection, prefix: bullmqPrefix(), concurrency: 1 },
  );
  worker.on('error', (error) => log.error({ err: error.message, queue: MAINTENANCE_QUEUE }, 'worker error'));
  worker.on('failed', (job, error) => log.warn({ job: job?.name, err: error.message }, 'job failed'));
  return { close: () => worker.close() };
}
