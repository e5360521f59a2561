// reevaluate queue: after a rule is saved, judge every subject it governs again and push the alerts that changed.
import { afterAlertChanges } from '../lib/alerts/after-alert-changes';
import { sql } from '../lib/db/sql';
import { defineJob } from '../lib/jobs/define-job';
import { REEVALUATE_QUEUE, reevaluateRuleJob } from '../lib/rules/store/reevaluate-job';
import type { RunningWorker, WorkerContext } from './context';
import { startJobWorker } from './start-job-worker';

export async function startReevaluateWorker({ connection, emitter }: WorkerContext): Promise<RunningWorker> {
  const job = defineJob({
    ...reevaluateRuleJob,
    handle: async (payload, bullJob) => {
      const changes = await reevaluateRuleJob.handle(payload, bullJob);
      await afterAlertChanges(sql, emitter, changes);
      return { changes: changes.length };
    },
  });
  // one rule at a time: two saves of one rule must not judge its subjects concurrently
  return startJobWorker({ connection }, { queue: REEVALUATE_QUEUE, jobs: [job], concurrency: 1, summarize: (result) => result });
}
