// The `report` queue (workers/report.ts): on the 1st of each month (01:00 Asia/Shanghai) the previous month's
// report of every region; on the worker's start and daily, any past month's report still missing; on demand,
// one region's month. Job ids are deterministic per region and month.
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { now } from '../clock';
import { sql } from '../db/sql';
import { defineJob } from '../jobs/define-job';
import { REPORT_QUEUE } from '../jobs/queues';
import { addMonths, periodOf, periodSchema } from '../scoring/period';
import { buildMissingReports } from './build-missing-reports';
import { buildReports, listReportRegions } from './build-reports';

export const monthlyReportsJob = defineJob({
  name: 'monthly-reports',
  queue: REPORT_QUEUE,
  schema: z.object({ period: periodSchema.optional() }),
  handle: async (payload) => {
    const at = now();
    const period = payload.period ?? addMonths(periodOf(at), -1);
    return buildReports(sql, { regionCodes: await listReportRegions(sql), period, at, actor: 'system' });
  },
});

export const missingReportsJob = defineJob({
  name: 'missing-reports',
  queue: REPORT_QUEUE,
  schema: z.object({}),
  handle: () => buildMissingReports(sql, { at: now() }),
});

export const regionReportJob = defineJob({
  name: 'region-report',
  queue: REPORT_QUEUE,
  schema: z.object({ regionCode: z.string().regex(/^\d{6}$/), period: periodSchema, actor: z.string().min(1) }),
  handle: (payload) => buildReports(sql, { regionCodes: [payload.regionCode], period: payload.period, at: now(), actor: payload.actor }),
});

export const MONTHLY_REPORTS_SCHEDULE = { pattern: '0 1 1 * *', tz: 'Asia/Shanghai' } as const;
// after the monthly run: on a normal 1st it finds nothing to do; after a day the machine was down it catches up
export const MISSING_REPORTS_SCHEDULE = { pattern: '30 1 * * *', tz: 'Asia/Shanghai' } as const;

/** The catch-up on a worker's start; one job id, so workers starting together queue it once. */
export function enqueueMissingReports(queue: Queue) {
  return missingReportsJob.enqueue(queue, {}, { jobId: 'missing-reports-on-start', removeOnComplete: true, removeOnFail: true, attempts: 2 });
}

export function enqueueRegionReport(queue: Queue, payload: z.infer<typeof regionReportJob.schema>) {
  return regionReportJob.enqueue(queue, payload, {
    jobId: `report-${payload.regionCode}-${payload.period}`,
    removeOnComplete: true,
    removeOnFail: 100,
    attempts: 2,
  });
}
