// The owed_jobs table (migration 0040): Postgres's record that work is owed. Producers write it in the
// transaction that makes the work owed; the relay (relay.ts) moves it into BullMQ; the worker deletes it once
// the job is done. Redis only carries the work.
import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { Db } from '../db/sql';
import type { DefinedJob } from './define-job';

export interface OwedJob {
  /** One owed job per key: work owed again before it was sent stays one job. */
  key: string;
  queue: string;
  name: string;
  payload: unknown;
  options: JobsOptions;
  /** Coalescing window: the relay sends the job this long after it was first owed. */
  delayMs: number;
}

/** An owed job of a defined job, its payload checked against the job's schema. */
export function owed<S extends z.ZodType>(
  job: DefinedJob<S, unknown>,
  key: string,
  payload: z.infer<S>,
  options: JobsOptions = {},
  delayMs = 0,
): OwedJob {
  return { key, queue: job.queue, name: job.name, payload: job.schema.parse(payload), options, delayMs };
}

/**
 * Records owed jobs in the caller's transaction, one statement. Owed again while unsent: the payload is
 * replaced. Owed again after it was sent: a new generation, sent as a new BullMQ job, so a change that lands
 * while the old job runs is not folded into a job that may already have read the old state.
 */
export async function oweJobs(db: Db, jobs: readonly OwedJob[]): Promise<void> {
  const unique = [...new Map(jobs.map((job) => [job.key, job])).values()];
  if (unique.length === 0) return;
  await db`
    insert into owed_jobs (key, queue, name, payload, options, run_after)
    select v.key, v.queue, v.name, v.payload::jsonb, v.options::jsonb, clock_timestamp() + make_interval(secs => v.delay_ms / 1000.0)
    from unnest(${unique.map((j) => j.key)}::text[], ${unique.map((j) => j.queue)}::text[], ${unique.map((j) => j.name)}::text[],
                ${unique.map((j) => JSON.stringify(j.payload))}::text[], ${unique.map((j) => JSON.stringify(j.options))}::text[],
                ${unique.map((j) => j.delayMs)}::int[]) as v(key, queue, name, payload, options, delay_ms)
    on conflict (key) do update set
      payload = excluded.payload,
      options = excluded.options,
      generation = owed_jobs.generation + (owed_jobs.sent_at is not null)::int,
      -- the lag counts from the newest generation: the job already sent does the changes before it (while it
      -- still waits in Redis this understates the lag; a key owed again every second would otherwise look
      -- owed for ever)
      owed_since = case when owed_jobs.sent_at is null then owed_jobs.owed_since else clock_timestamp() end,
      run_after = case when owed_jobs.sent_at is null then owed_jobs.run_after else excluded.run_after end,
      sent_at = null`;
}

/** The BullMQ job id of one generation of an owed job: deterministic, so a relay that sends twice adds nothing. */
export const owedJobId = (id: number, generation: number) => `owed-${id}-${generation}`;

export function parseOwedJobId(jobId: string | undefined): { id: number; generation: number } | null {
  const match = /^owed-(\d+)-(\d+)$/.exec(jobId ?? '');
  return match ? { id: Number(match[1]), generation: Number(match[2]) } : null;
}

/** Done: the row goes, unless it was owed again after the job took it (a newer generation is then still owed). */
export async function completeOwedJobs(db: Db, done: readonly { id: number; generation: number }[]): Promise<void> {
  if (done.length === 0) return;
  await db`
    delete from owed_jobs o
    using unnest(${done.map((d) => d.id)}::bigint[], ${done.map((d) => d.generation)}::int[]) as v(id, generation)
    where o.id = v.id and o.generation = v.generation`;
}

export interface OwedRow {
  id: number;
  generation: number;
  queue: string;
  name: string;
  payload: unknown;
  options: JobsOptions;
}

/**
 * Owed, unsent and due now, and no job of the row waiting in Redis: marked sent and returned, in one
 * statement (another relay skips the rows it locks). The caller sends them and, should the send fail, marks
 * them unsent again (markUnsent). A row owed again while its job waits is left alone: that job takes it.
 */
export function claimUnsent(db: Db, limit: number): Promise<OwedRow[]> {
  return db<OwedRow[]>`
    update owed_jobs o set sent_at = clock_timestamp(), sends = o.sends + 1, job_generation = o.generation,
      job_taken = false, job_sent_at = clock_timestamp()
    from (
      select id from owed_jobs
      where sent_at is null and run_after <= clock_timestamp() and (job_generation is null or job_taken)
      order by run_after limit ${limit}
      for update skip locked
    ) due
    where o.id = due.id
    returning o.id, o.generation, o.queue, o.name, o.payload, o.options`;
}

/**
 * Jobs starting: each takes its row as it is now, every generation owed so far, since the job reads the
 * state after this. Returns the generation each took (absent: its row is gone or a newer job was sent); the
 * job's completion settles that generation.
 */
export async function takeOwedJobs(db: Db, jobs: readonly { id: number; generation: number }[]): Promise<Map<number, number>> {
  if (jobs.length === 0) return new Map();
  const rows = await db<{ id: number; generation: number }[]>`
    update owed_jobs o set job_taken = true, sent_at = coalesce(o.sent_at, clock_timestamp())
    from unnest(${jobs.map((j) => j.id)}::bigint[], ${jobs.map((j) => j.generation)}::int[]) as v(id, job_generation)
    where o.id = v.id and o.job_generation = v.job_generation
    returning o.id, o.generation`;
  return new Map(rows.map((row) => [row.id, row.generation]));
}

/** A send that failed: owed and unsent again, unless owed anew meanwhile (then it is unsent already). */
export async function markUnsent(db: Db, rows: readonly { id: number; generation: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await db`
    update owed_jobs o set sent_at = null, job_generation = null, job_taken = false, job_sent_at = null
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.generation)}::int[]) as v(id, generation)
    where o.id = v.id and o.job_generation = v.generation`;
}

export interface InFlightRow extends OwedRow {
  /** The generation in the id of the job in Redis. */
  jobGeneration: number;
  /** Whether the row's current generation is covered by that job (false: owed again after the job started). */
  covered: boolean;
}

/**
 * Jobs sent (or last seen alive) more than `olderThanMs` ago whose rows are still owed: the relay asks Redis
 * what became of them. A row owed again after its job started is not among them: it is simply unsent.
 */
export function claimStale(db: Db, olderThanMs: number, limit: number): Promise<InFlightRow[]> {
  return db<InFlightRow[]>`
    select id, generation, queue, name, payload, options, job_generation as "jobGeneration", sent_at is not null as covered
    from owed_jobs
    where job_generation is not null and job_sent_at < clock_timestamp() - make_interval(secs => ${olderThanMs / 1000})
      and (sent_at is not null or not job_taken)
    order by job_sent_at
    limit ${limit}
    for update skip locked`;
}

/** Their jobs are still waiting or running in Redis: asked about again a while later. */
export async function markAlive(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db`update owed_jobs set job_sent_at = clock_timestamp() where id = any(${[...ids]}::bigint[])`;
}

/** Redis lost their jobs: owed again under a new job id (the old id may sit in Redis's failed set). */
export async function markLost(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db`
    update owed_jobs set generation = generation + 1, sent_at = null, job_generation = null, job_taken = false, job_sent_at = null
    where id = any(${[...ids]}::bigint[])`;
}

/** Redis was emptied: nothing it was sent is there any more. */
export async function markAllUnsent(db: Db): Promise<number> {
  const result = await db`
    update owed_jobs set sent_at = null, job_generation = null, job_taken = false, job_sent_at = null
    where job_generation is not null`;
  return result.count;
}

export interface OwedLag {
  owed: number;
  unsent: number;
  /** Age of the oldest owed job, in seconds (0 when nothing is owed). */
  oldestSeconds: number;
}

export async function owedLag(db: Db): Promise<OwedLag> {
  const [row] = await db<{ owed: number; unsent: number; oldest: number | null }[]>`
    select count(*)::int as owed, count(*) filter (where sent_at is null)::int as unsent,
      extract(epoch from clock_timestamp() - min(owed_since))::float8 as oldest
    from owed_jobs`;
  return { owed: row?.owed ?? 0, unsent: row?.unsent ?? 0, oldestSeconds: Math.max(0, row?.oldest ?? 0) };
}
