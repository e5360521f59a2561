// report queue: the monthly reports of every region on the 1st (01:00 Asia/Shanghai), any past month's report
// still missing on start and daily (01:30), and one region's month on demand. One job at a time: each prints
// PDFs with Chromium.
import { createQueue } from '../lib/jobs/define-job';
import { REPORT_QUEUE } from '../lib/jobs/queues';
import {
  enqueueMissingReports,
  MISSING_REPORTS_SCHEDULE,
  missingReportsJob,
  MONTHLY_REPORTS_SCHEDULE,
  monthlyReportsJob,
  regionReportJob,
} from '../lib/reports/report-job';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

export async function startReportWorker({ connection, schedulers }: WorkerContext): Promise<RunningWorker> {
  await schedulers.schedule({
    queue: REPORT_QUEUE,
    id: 'monthly-reports',
    repeat: MONTHLY_REPORTS_SCHEDULE,
    template: { name: monthlyReportsJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  await schedulers.schedule({
    queue: REPORT_QUEUE,
    id: 'missing-reports',
    repeat: MISSING_REPORTS_SCHEDULE,
    template: { name: missingReportsJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  // a machine that was down on the 1st (or at 01:30) catches up as soon as it is back
  const queue = createQueue(REPORT_QUEUE, connection);
  await enqueueMissingReports(queue);
  await queue.close();
  return startJobWorker(
    { connection },
    {
      queue: REPORT_QUEUE,
      jobs: [monthlyReportsJob, missingReportsJob, regionReportJob],
      concurrency: 1,
      summarize: (built) => ({ reports: (built as unknown[]).length }),
    },
  );
}
