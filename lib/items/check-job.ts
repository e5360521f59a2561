// The `check` job: evaluate one item version against its catalog entry and rules (workers/check.ts).
import { z } from 'zod';
import { defineJob } from '../jobs/define-job';
import { owed, type OwedJob } from '../jobs/owed-jobs';
import { CHECK_QUEUE } from '../jobs/queues';
import { checkItem } from './check-item';

export const checkItemPayloadSchema = z.object({ itemId: z.number().int().positive(), version: z.number().int().positive() });
export type CheckItemPayload = z.infer<typeof checkItemPayloadSchema>;

export const checkItemJob = defineJob({
  name: 'check-item',
  queue: CHECK_QUEUE,
  schema: checkItemPayloadSchema,
  handle: (payload) => checkItem(payload),
});

/**
 * Owed in the ingest transaction. One owed check per item: a newer version owed before the check was sent
 * replaces it (the check reads the item as it is then). Completed jobs are removed from Redis.
 */
export function owedItemCheck(payload: CheckItemPayload): OwedJob {
  return owed(checkItemJob, `check-item-${payload.itemId}`, payload, {
    removeOnComplete: true,
    removeOnFail: 1000,
    attempts: 5,
    backoff: { type: 'exponential', delay: 200 },
  });
}
