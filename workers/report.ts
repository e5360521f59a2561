// report queue: the monthly reports of every region on the 1st (01:00 Asia/Shanghai), and one region's
// month on demand. One job at a time: each prints PDFs with Chromium.
import { Worker } from 'bullmq';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { REPORT_QUEUE } from '../lib/jobs/queues';
import { log } from '../lib/log';
import { MONTHLY_REPORTS_SCHEDULE, monthlyReportsJob, regionReportJob } from '../lib/reports/report-job';
import type { RunningWorker, WorkerContext } from './context';
import { deferWhileDatabaseDown } from './defer-while-database-down';

const jobs = new Map<string, { process: (job: import('bullmq').Job) => Promise<unknown[]> }>([
  [monthlyReportsJob.name, monthlyReportsJob],
  [regionReportJob.name, regionReportJob],
]);

export async function startReportWorker({ connection, schedulers }: WorkerContext): Promise<RunningWorker> {
  await schedulers.schedule({
    queue: REPORT_QUEUE,
    id: 'monthly-reports',
    repeat: MONTHLY_REPORTS_SCHEDULE,
    template: { name: monthlyReportsJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  const worker = new Worker(
    REPORT_QUEUE,
    deferWhileDatabaseDown(async (job) => {
      const definition = jobs.get(job.name);
      if (!definition) throw new Error(`unknown job ${job.name}`);
      const built = await definition.process(job);
      return { reports: built.length };
    }),
    { connection, prefix: bullmqPrefix(), concurrency: 1 },
  );
  worker.on('error', (error) => log.error({ err: error.message, queue: REPORT_QUEUE }, 'worker error'));
  worker.on('failed', (job, error) => log.warn({ job: job?.id, err: error.message }, 'report failed'));
  return { close: () => worker.close() };
}
