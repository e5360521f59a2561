// report queue: the monthly reports of every region on the 1st (01:00 Asia/Shanghai), and one region's
// month on demand. One job at a time: each prints PDFs with Chromium.
import { REPORT_QUEUE } from '../lib/jobs/queues';
import { MONTHLY_REPORTS_SCHEDULE, monthlyReportsJob, regionReportJob } from '../lib/reports/report-job';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

export async function startReportWorker({ connection, schedulers }: WorkerContext): Promise<RunningWorker> {
  await schedulers.schedule({
    queue: REPORT_QUEUE,
    id: 'monthly-reports',
    repeat: MONTHLY_REPORTS_SCHEDULE,
    template: { name: monthlyReportsJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  return startJobWorker(
    { connection },
    { queue: REPORT_QUEUE, jobs: [monthlyReportsJob, regionReportJob], concurrency: 1, summarize: (built) => ({ reports: (built as unknown[]).length }) },
  );
}
