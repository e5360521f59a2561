// check queue: evaluate an item when it is ingested or changed, then push the alerts that changed.
import { Worker } from 'bullmq';
import { publishAlertChanges } from '../lib/alerts/publish-alert-changes';
import { sql } from '../lib/db/sql';
import { checkItemJob } from '../lib/items/check-job';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { CHECK_QUEUE } from '../lib/jobs/queues';
import { log } from '../lib/log';
import { enqueueScoreForItem } from '../lib/scoring/score-job';
import type { RunningWorker, WorkerContext } from './context';

// Each job is a few short queries; concurrency hides their round trips on 2 cores.
const CHECK_CONCURRENCY = 16;

export async function startCheckWorker({ connection, emitter }: WorkerContext): Promise<RunningWorker> {
  const worker = new Worker(
    CHECK_QUEUE,
    async (job) => {
      const changes = await checkItemJob.process(job);
      await publishAlertChanges(sql, emitter, changes);
      await enqueueScoreForItem(sql, checkItemJob.schema.parse(job.data).itemId);
      return { changes: changes.length };
    },
    { connection, prefix: bullmqPrefix(), concurrency: CHECK_CONCURRENCY },
  );
  worker.on('error', (error) => log.error({ err: error.message, queue: CHECK_QUEUE }, 'worker error'));
  worker.on('failed', (job, error) => log.warn({ job: job?.id, err: error.message }, 'check failed'));
  return { close: () => worker.close() };
}
