// The `report` queue (workers/report.ts): on the 1st of each month (01:00 Asia/Shanghai) the previous month's
// report of every region; on demand, one region's month. Job ids are deterministic per region and month.
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { now } from '../clock';
import { sql } from '../db/sql';
import { defineJob } from '../jobs/define-job';
import { REPORT_QUEUE } from '../jobs/queues';
import { addMonths, periodOf, periodSchema } from '../scoring/period';
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

export const regionReportJob = defineJob({
  name: 'region-report',
  queue: REPORT_QUEUE,
  schema: z.object({ regionCode: z.string().regex(/^\d{6}$/), period: periodSchema, actor: z.string().min(1) }),
  handle: (payload) => buildReports(sql, { regionCodes: [payload.regionCode], period: payload.period, at: now(), actor: payload.actor }),
});

export const MONTHLY_REPORTS_SCHEDULE = { pattern: '0 1 1 * *', tz: 'Asia/Shanghai' } as const;

export function enqueueRegionReport(queue: Queue, payload: z.infer<typeof regionReportJob.schema>) {
  return regionReportJob.enqueue(queue, payload, {
    jobId: `report-${payload.regionCode}-${payload.period}`,
    removeOnComplete: true,
    removeOnFail: 100,
    attempts: 2,
  });
}
