// check queue: evaluate an item when it is ingested or changed, then push the alerts that changed. Jobs are
// checked in batches (lib/jobs/batcher.ts): one transaction and one push per batch.
import { afterAlertChanges } from '../lib/alerts/after-alert-changes';
import { sql } from '../lib/db/sql';
import { createBatcher } from '../lib/jobs/batcher';
import { checkItemJob } from '../lib/items/check-job';
import { checkItems } from '../lib/items/check-item';
import { defineJob } from '../lib/jobs/define-job';
import { CHECK_QUEUE } from '../lib/jobs/queues';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

// Jobs fetched at once: enough to fill a batch while the previous one commits.
export const CHECK_CONCURRENCY = 64;
// Two batches in flight overlap one's JavaScript with the other's round trips; the pool has 10 connections.
export const CHECK_BATCH = { maxSize: 32, maxInFlight: 2 };

export async function startCheckWorker({ connection, emitter }: WorkerContext): Promise<RunningWorker> {
  const batches = createBatcher(async (itemIds: number[]) => {
    const changes = await checkItems(itemIds);
    await afterAlertChanges(sql, emitter, changes);
    return changes.length;
  }, CHECK_BATCH);
  const job = defineJob({ ...checkItemJob, handle: (payload) => batches.add(payload.itemId) });
  return startJobWorker(
    { connection },
    {
      queue: CHECK_QUEUE,
      jobs: [job],
      concurrency: CHECK_CONCURRENCY,
      summarize: (changes) => ({ changes }),
      // a worker killed mid-batch holds its jobs until their locks expire: a short lock gets them to another
      // worker within ~15 s rather than BullMQ's default of up to a minute (locks are renewed while a batch runs)
      lockDuration: 10_000,
      stalledInterval: 5_000,
    },
  );
}
