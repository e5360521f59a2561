// The `check` job: evaluate one item version against its catalog entry and rules (workers/check.ts).
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { defineJob } from '../jobs/define-job';
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
 * Enqueue after the ingest transaction commits. The job id is deterministic per item version, so a
 * resend while the job waits adds nothing; completed jobs are removed so a later version runs again.
 */
export function enqueueItemCheck(queue: Queue, payload: CheckItemPayload) {
  return checkItemJob.enqueue(queue, payload, {
    jobId: `item-${payload.itemId}-v${payload.version}`,
    removeOnComplete: true,
    removeOnFail: 1000,
    attempts: 5,
    backoff: { type: 'exponential', delay: 200 },
  });
}
