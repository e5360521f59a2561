// sla queue: a job scheduler fires every second; each pass moves complaints across their dispatch / sign-for
// / reply thresholds (yellow, orange, red), raises or clears their complaint_sla alerts and pushes the
// changes to the desks; then the same for requests for information (依申请公开: the 确认收到, 补正 and reply clocks,
// request_* alerts). One pass drains what is due, in bounded batches.
import { z } from 'zod';
import { now } from '../lib/clock';
import { publishComplaintChange } from '../lib/complaints/publish-complaint-change';
import { sweepComplaints } from '../lib/complaints/sweep-complaints';
import { sql } from '../lib/db/sql';
import { publishRequestChange } from '../lib/requests/publish-request-change';
import { sweepRequests } from '../lib/requests/sweep-requests';
import { defineJob } from '../lib/jobs/define-job';
import { SLA_QUEUE } from '../lib/jobs/queues';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

export const SLA_INTERVAL_MS = 1_000;
const MAX_BATCHES_PER_PASS = 20;

export async function startSlaWorker({ connection, emitter, schedulers }: WorkerContext): Promise<RunningWorker> {
  const slaJob = defineJob({
    name: 'sla',
    queue: SLA_QUEUE,
    schema: z.object({}),
    handle: async () => {
      let examined = 0;
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch += 1) {
        const result = await sweepComplaints(sql, now());
        examined += result.examined;
        for (const { complaintId, changes } of result.moved) {
          await publishComplaintChange(sql, emitter, complaintId, [], changes);
        }
        if (!result.hasMore) break;
      }
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch += 1) {
        const result = await sweepRequests(sql, now());
        examined += result.examined;
        for (const { requestId, changes } of result.moved) {
          await publishRequestChange(sql, emitter, requestId, null, changes);
        }
        if (!result.hasMore) break;
      }
      return { examined };
    },
  });
  await schedulers.schedule({
    queue: SLA_QUEUE,
    id: 'sla-every-second',
    repeat: { every: SLA_INTERVAL_MS },
    template: { name: slaJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  // one pass at a time per process; a second process skips rows the first has locked
  return startJobWorker({ connection }, { queue: SLA_QUEUE, jobs: [slaJob], concurrency: 1, waitForDatabase: false, summarize: (result) => result });
}
