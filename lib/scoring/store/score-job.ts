// The `score` queue (workers/score.ts): recompute the department-months an event touched, and once a night
// the current and previous month in full.
//
// A touched department-month is owed a recompute (lib/jobs/owed-jobs.ts, one row per department-month): the
// relay sends it ten seconds after it was first owed, so every event of those seconds lands on the one job (a
// burst of ingests costs one recompute), and an event arriving after it was sent owes a new generation, so no change
// is missed. A recompute is an upsert of the facts as they are, so any duplicate is harmless.
import { z } from 'zod';
import { now } from '../../clock';
import { sql as pool, type Db } from '../../db/sql';
import { defineJob } from '../../jobs/define-job';
import { owed, oweJobs, type OwedJob } from '../../jobs/owed-jobs';
import { SCORE_QUEUE } from '../../jobs/queues';
import { addMonths, periodOf, periodOfDeadline, periodSchema, type Period } from '../period';
import { recomputeDepartmentMonths, recomputeMonth } from './locked-recompute';

export interface ScoreTouch {
  departmentId: number;
  period: Period;
}

export const scoreDepartmentMonthJob = defineJob({
  name: 'score-department-month',
  queue: SCORE_QUEUE,
  schema: z.object({ departmentId: z.number().int().positive(), period: periodSchema }),
  // the score worker batches these (workers/score.ts); a job run on its own is a batch of one
  handle: (payload) => recomputeDepartmentMonths(pool, [payload], now()),
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

// A recompute reads the department's whole month, so its cost grows as the month fills: under a steady stream
// a one-second window rescored each busy department-month every second or two and the score worker's share of
// the machine kept climbing (the 30-minute soak, RELIABILITY.md). A score is a monthly figure; ten seconds is
// still live for the leaders watching it.
const COALESCE_MS = 10_000;
const RETRIES = { removeOnComplete: true, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 500 } } as const;

export function owedScoreTouches(touches: readonly ScoreTouch[]): OwedJob[] {
  return touches.map((touch) =>
    owed(scoreDepartmentMonthJob, `score-${touch.departmentId}-${touch.period}`, touch, RETRIES, COALESCE_MS),
  );
}

/** After a new weights version: the running and last month, rescored once however many saves it took. */
export function owedRecentMonthsRescore(): OwedJob {
  return owed(scoreMonthJob, 'score-recent-months', {}, { removeOnComplete: true, removeOnFail: 100 });
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

/**
 * The department-months changed alerts touched: opened, changed (resolved), their obligation's due and severe
 * months, and their request's reply month (依申请公开按时答复率 counts a request in the month its reply falls due).
 */
export async function touchesForAlerts(db: Db, alertIds: readonly number[]): Promise<ScoreTouch[]> {
  if (alertIds.length === 0) return [];
  const rows = await db<{ departmentId: number; openedAt: Date; updatedAt: Date; dueAt: Date | null; severeAt: Date | null; requestDueAt: Date | null }[]>`
    select a.department_id as "departmentId", a.opened_at as "openedAt", a.updated_at as "updatedAt", o.due_at as "dueAt",
      o.severe_at as "severeAt", q.due_at as "requestDueAt"
    from alerts a left join obligations o on o.id = a.obligation_id left join requests q on q.id = a.request_id
    where a.id = any(${[...alertIds]}::bigint[])`;
  return rows.flatMap((r) => [
    { departmentId: r.departmentId, period: periodOf(r.openedAt) },
    { departmentId: r.departmentId, period: periodOf(r.updatedAt) },
    ...(r.dueAt ? [{ departmentId: r.departmentId, period: periodOfDeadline(r.dueAt) }] : []),
    ...(r.severeAt ? [{ departmentId: r.departmentId, period: periodOf(r.severeAt) }] : []),
    ...(r.requestDueAt ? [{ departmentId: r.departmentId, period: periodOfDeadline(r.requestDueAt) }] : []),
  ]);
}

/** The department-months a request's step touched: the month its reply falls due, where it is scored. */
export async function touchesForRequests(db: Db, requestIds: readonly number[]): Promise<ScoreTouch[]> {
  if (requestIds.length === 0) return [];
  const rows = await db<{ departmentId: number; dueAt: Date }[]>`
    select department_id as "departmentId", due_at as "dueAt" from requests
    where id = any(${[...requestIds]}::bigint[]) and due_at is not null`;
  return rows.map((r) => ({ departmentId: r.departmentId, period: periodOfDeadline(r.dueAt) }));
}

/**
 * The rescores a request's step makes owed (a reply, an extension, a withdrawal: each can change whether it
 * was answered in time), in the step's transaction: the month it is due in now and, in `earlier`, the month it
 * was due in before the step (an extension or a restart after 补正 moves it).
 */
export async function oweScoreForRequests(db: Db, requestIds: readonly number[], earlier: readonly ScoreTouch[] = []): Promise<void> {
  await oweJobs(db, owedScoreTouches([...earlier, ...(await touchesForRequests(db, requestIds))]));
}

/** The rescores a batch of item checks makes owed, in the check's transaction (lib/items/check-item.ts). */
export async function oweScoreForItems(db: Db, itemIds: readonly number[]): Promise<void> {
  await oweJobs(db, owedScoreTouches(await touchesForItems(db, itemIds)));
}

/**
 * After alerts changed (afterAlertChanges, lib/alerts/after-alert-changes.ts), just after their commit: Redis no longer decides
 * whether the rescore happens. A process that dies between the two writes loses the touch; the nightly
 * recompute repairs that.
 */
export async function oweScoreForAlerts(db: Db, alertIds: readonly number[]): Promise<void> {
  await oweJobs(db, owedScoreTouches(await touchesForAlerts(db, alertIds)));
}
