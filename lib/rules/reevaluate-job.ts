// The `reevaluate` job: after a rule is saved, judge every subject it can govern again (workers/reevaluate.ts).
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { now } from '../clock';
import { sql } from '../db/sql';
import { defineJob } from '../jobs/define-job';
import { reevaluateRule } from './reevaluate-rule';

export const REEVALUATE_QUEUE = 'reevaluate';

export const reevaluateRulePayloadSchema = z.object({ ruleId: z.number().int().positive(), version: z.number().int().positive() });

export const reevaluateRuleJob = defineJob({
  name: 'reevaluate-rule',
  queue: REEVALUATE_QUEUE,
  schema: reevaluateRulePayloadSchema,
  handle: (payload) => reevaluateRule(sql, { ruleId: payload.ruleId, at: now() }),
});

/** One job per saved version: a resend while it waits adds nothing. */
export function enqueueRuleReevaluation(queue: Queue, payload: z.infer<typeof reevaluateRulePayloadSchema>) {
  return reevaluateRuleJob.enqueue(queue, payload, {
    jobId: `rule-${payload.ruleId}-v${payload.version}`,
    removeOnComplete: true,
    removeOnFail: 1000,
    attempts: 5,
    backoff: { type: 'exponential', delay: 500 },
  });
}
