// sweep queue: a job scheduler fires every second; each pass moves obligations across warn / due / severe
// thresholds and pushes the alerts that changed. One pass drains what is due, in bounded batches. Every
// hour (and at start) the current period's obligations of periodic entries are opened.
import { z } from 'zod';
import { afterAlertChanges } from '../lib/alerts/after-alert-changes';
import { now } from '../lib/clock';
import { sql } from '../lib/db/sql';
import { defineJob } from '../lib/jobs/define-job';
import { SWEEP_QUEUE } from '../lib/jobs/queues';
import { openPeriodsAndAlert } from '../lib/obligations/open-period-obligations-job';
import { sweepObligations } from '../lib/obligations/sweep-obligations';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

export const SWEEP_INTERVAL_MS = 1_000;
const OPEN_PERIODS_INTERVAL_MS = 3600 * 1000;
// a pass stops after this many batches so one huge backlog cannot hold the worker for long
const MAX_BATCHES_PER_PASS = 20;

export async function startSweepWorker({ connection, emitter, schedulers }: WorkerContext): Promise<RunningWorker> {
  const sweepJob = defineJob({
    name: 'sweep',
    queue: SWEEP_QUEUE,
    schema: z.object({}),
    handle: async () => {
      let examined = 0;
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch += 1) {
        const result = await sweepObligations(sql, now());
        examined += result.examined;
        await afterAlertChanges(sql, emitter, result.changes);
        if (!result.hasMore) break;
      }
      return { examined };
    },
  });
  const openPeriodsJob = defineJob({
    name: 'open-periods',
    queue: SWEEP_QUEUE,
    schema: z.object({}),
    handle: async () => {
      const result = await openPeriodsAndAlert(sql, now());
      await afterAlertChanges(sql, emitter, result.changes);
      return { opened: result.opened };
    },
  });
  await schedulers.schedule({
    queue: SWEEP_QUEUE,
    id: 'sweep-every-second',
    repeat: { every: SWEEP_INTERVAL_MS },
    template: { name: sweepJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  await schedulers.schedule({
    queue: SWEEP_QUEUE,
    id: 'open-periods-hourly',
    repeat: { every: OPEN_PERIODS_INTERVAL_MS, immediately: true },
    template: { name: openPeriodsJob.name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  });
  // one pass at a time per process; a second process skips rows the first has locked
  return startJobWorker(
    { connection },
    { queue: SWEEP_QUEUE, jobs: [sweepJob, openPeriodsJob], concurrency: 1, waitForDatabase: false, summarize: (result) => result },
  );
}
