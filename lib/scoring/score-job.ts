// The `score` queue (workers/score.ts): recompute the department-months an event touched, and once a night
// the current and previous month in full.
//
// Job ids are deterministic per (department, month, one-second bucket) and each job waits until its
// bucket has ended: every event of that second for that department-month lands on the one waiting job
// (a burst of ingests costs one recompute), and an event arriving while a job runs gets the next bucket's
// job, so no change is missed. A recompute is an upsert of the facts as they are, so any duplicate is harmless.
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { now } from '../clock';
import { sql as pool, type Db } from '../db/sql';
import { defineJob } from '../jobs/define-job';
import { getQueue } from '../jobs/producer';
import { SCORE_QUEUE } from '../jobs/queues';
import { log } from '../log';
import { addMonths, periodOf, periodOfDeadline, periodSchema, type Period } from './period';
import { recomputeDepartmentMonth, recomputeMonth } from './locked-recompute';

export interface ScoreTouch {
  departmentId: number;
  period: Period;
}

export const scoreDepartmentMonthJob = defineJob({
  name: 'score-department-month',
  queue: SCORE_QUEUE,
  schema: z.object({ departmentId: z.number().int().positive(), period: periodSchema }),
  handle: (payload) => recomputeDepartmentMonth(pool, { ...payload, at: now() }),
});

export const scoreMonthJob = defineJob({
  name: 'score-month',
  queue: SCORE_QUEUE,
  schema: z.object({ period: periodSchema.optional() }),
  handle: async (payload) => {
    const at = now();
    // the nightly pass: the running month, and the last one, whose late facts may still arrive
    const periods = payload.period ? [payload.period] : [periodOf(at), addMonths(periodOf(at), -1)];
    const changes = [];
    for (const period of periods) changes.push(...(await recomputeMonth(pool, { period, at })));
    return changes;
  },
});

const BUCKET_MS = 1_000;

export async function enqueueScoreTouches(queue: Queue, touches: readonly ScoreTouch[]): Promise<void> {
  const unique = new Map(touches.map((t) => [`${t.departmentId}-${t.period}`, t]));
  if (unique.size === 0) return;
  // wall time, not the application's clock: this only paces jobs
  const wall = Date.now();
  const bucket = Math.floor(wall / BUCKET_MS);
  const delay = (bucket + 1) * BUCKET_MS - wall + 50;
  await queue.addBulk(
    [...unique.entries()].map(([key, touch]) => ({
      name: scoreDepartmentMonthJob.name,
      data: scoreDepartmentMonthJob.schema.parse(touch),
      opts: { jobId: `score-${key}-b${bucket}`, delay, removeOnComplete: true, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 500 } },
    })),
  );
}

/** The department-months a batch of item checks touched: the months they were published in and their obligations' months. */
export async function touchesForItems(db: Db, itemIds: readonly number[]): Promise<ScoreTouch[]> {
  const rows = await db<{ departmentId: number; at: Date; isDeadline: boolean }[]>`
    select department_id as "departmentId", published_at as at, false as "isDeadline" from items
    where id = any(${[...itemIds]}::bigint[]) and published_at is not null
    union all
    select department_id, due_at, true from obligations
    where item_id = any(${[...itemIds]}::bigint[]) or fulfilled_by_item_id = any(${[...itemIds]}::bigint[])`;
  return rows.map((r) => ({ departmentId: r.departmentId, period: r.isDeadline ? periodOfDeadline(r.at) : periodOf(r.at) }));
}

/** The department-months changed alerts touched: opened, changed (resolved), and their obligation's due and severe months. */
export async function touchesForAlerts(db: Db, alertIds: readonly number[]): Promise<ScoreTouch[]> {
  if (alertIds.length === 0) return [];
  const rows = await db<{ departmentId: number; openedAt: Date; updatedAt: Date; dueAt: Date | null; severeAt: Date | null }[]>`
    select a.department_id as "departmentId", a.opened_at as "openedAt", a.updated_at as "updatedAt", o.due_at as "dueAt",
      o.severe_at as "severeAt"
    from alerts a left join obligations o on o.id = a.obligation_id
    where a.id = any(${[...alertIds]}::bigint[])`;
  return rows.flatMap((r) => [
    { departmentId: r.departmentId, period: periodOf(r.openedAt) },
    { departmentId: r.departmentId, period: periodOf(r.updatedAt) },
    ...(r.dueAt ? [{ departmentId: r.departmentId, period: periodOfDeadline(r.dueAt) }] : []),
    ...(r.severeAt ? [{ departmentId: r.departmentId, period: periodOf(r.severeAt) }] : []),
  ]);
}

// The two hooks below run after a commit, in code that must not fail because scoring could not be queued:
// a lost touch is repaired by the nightly recompute.

/** After a batch of items was checked (workers/check.ts). */
export async function enqueueScoreForItems(db: Db, itemIds: readonly number[]): Promise<void> {
  try {
    await enqueueScoreTouches(getQueue(SCORE_QUEUE), await touchesForItems(db, itemIds));
  } catch (error) {
    log.warn({ err: (error as Error).message, items: itemIds.length }, 'score enqueue failed');
  }
}

/** After alerts changed (lib/alerts/publish-alert-changes.ts). */
export async function enqueueScoreForAlerts(db: Db, alertIds: readonly number[]): Promise<void> {
  try {
    await enqueueScoreTouches(getQueue(SCORE_QUEUE), await touchesForAlerts(db, alertIds));
  } catch (error) {
    log.warn({ err: (error as Error).message }, 'score enqueue failed');
  }
}
