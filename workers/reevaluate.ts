// reevaluate queue: after a rule is saved, judge every subject it governs again and push the alerts that changed.
import { Worker } from 'bullmq';
import { publishAlertChanges } from '../lib/alerts/publish-alert-changes';
import { sql } from '../lib/db/sql';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { log } from '../lib/log';
import { REEVALUATE_QUEUE, reevaluateRuleJob } from '../lib/rules/store/reevaluate-job';
import type { RunningWorker, WorkerContext } from './context';
import { deferWhileDatabaseDown } from './defer-while-database-down';

export async function startReevaluateWorker({ connection, emitter }: WorkerContext): Promise<RunningWorker> {
  const worker = new Worker(
    REEVALUATE_QUEUE,
    deferWhileDatabaseDown(async (job) => {
      const changes = await reevaluateRuleJob.process(job);
      await publishAlertChanges(sql, emitter, changes);
      return { changes: changes.length };
    }),
    // one rule at a time: two saves of one rule must not judge its subjects concurrently
    { connection, prefix: bullmqPrefix(), concurrency: 1 },
  );
  worker.on('error', (error) => log.error({ err: error.message, queue: REEVALUATE_QUEUE }, 'worker error'));
  worker.on('failed', (job, error) => log.warn({ job: job?.id, err: error.message }, 'reevaluate failed'));
  return { close: () => worker.close() };
}
