// The `reevaluate` job: after a rule is saved, judge every subject it can govern again (workers/reevaluate.ts).
import { z } from 'zod';
import { now } from '../../clock';
import { sql } from '../../db/sql';
import { defineJob } from '../../jobs/define-job';
import { owed, type OwedJob } from '../../jobs/owed-jobs';
import { reevaluateRule } from './reevaluate-rule';

export const REEVALUATE_QUEUE = 'reevaluate';

export const reevaluateRulePayloadSchema = z.object({ ruleId: z.number().int().positive(), version: z.number().int().positive() });

export const reevaluateRuleJob = defineJob({
  name: 'reevaluate-rule',
  queue: REEVALUATE_QUEUE,
  schema: reevaluateRulePayloadSchema,
  handle: (payload) => reevaluateRule(sql, { ruleId: payload.ruleId, at: now() }),
});

/** Owed by the transaction that saves the rule; saves owed before the job was sent are judged by one run. */
export function owedRuleReevaluation(payload: z.infer<typeof reevaluateRulePayloadSchema>): OwedJob {
  return owed(reevaluateRuleJob, `reevaluate-rule-${payload.ruleId}`, payload, {
    removeOnComplete: true,
    removeOnFail: 1000,
    attempts: 5,
    backoff: { type: 'exponential', delay: 500 },
  });
}
