// maintenance queue: hourly session purge and other housekeeping.
import { MAINTENANCE_QUEUE, maintenanceSchedules, purgeSessionsJob } from '../lib/jobs/maintenance';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

export async function startMaintenanceWorker({ connection, schedulers }: WorkerContext): Promise<RunningWorker> {
  for (const schedule of maintenanceSchedules) {
    await schedulers.schedule({ queue: MAINTENANCE_QUEUE, id: schedule.id, repeat: { every: schedule.every }, template: { name: schedule.job.name, data: {} } });
  }
  return startJobWorker({ connection }, { queue: MAINTENANCE_QUEUE, jobs: [purgeSessionsJob], concurrency: 1, summarize: (result) => result });
}
