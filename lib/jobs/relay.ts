// The relay: moves owed jobs (owed_jobs, written by the transactions that made them owed) into BullMQ, and
// keeps them owed until a worker has done them. It runs in every worker process; relays share the work by
// row locks (skip locked). Job ids are deterministic per row and generation, so a second send adds nothing.
//
// Three ways Redis can lose a job, and what the relay does about each:
// - the add fails (Redis away): the transaction rolls back, the rows stay unsent, the next pass retries;
// - Redis restarts empty: an epoch key under the prefix is gone, so every sent row is marked unsent again;
// - a job vanishes or fails for good: rows sent long ago and still owed are looked up in Redis, and a job
//   that is not waiting, delayed or running any more is owed again under a new job id.
// A row has at most one job waiting in Redis: owed again before its job started, it waits for that job to
// take it (owed-job-run.ts), so a busy queue cannot fill with jobs for the same work.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Sql } from '../db/sql';
import { redisPrefix } from '../env';
import { log } from '../log';
import { whenRedisReady } from '../redis/connection';
import { createQueue } from './define-job';
import {
  claimStale,
  claimUnsent,
  completeOwedJobs,
  markAllUnsent,
  markAlive,
  markLost,
  markUnsent,
  owedJobId,
  owedLag,
  type OwedRow,
} from './owed-jobs';

export interface RelayOptions {
  sql: Sql;
  /** A connection that fails fast while Redis is away (no offline queue): an add must not wait out an outage. */
  redis: Redis;
  /** Longest sleep between passes when no notification arrives. */
  pollMs?: number;
  /** How long a sent job may stay owed before the relay asks Redis about it. */
  staleAfterMs?: number;
  batchSize?: number;
}

export interface Relay {
  /** Resolves once the relay listens for notifications and has made its first pass. */
  ready: Promise<void>;
  close: () => Promise<void>;
}

const STALE_LIMIT = 500;
// a pass costs round trips whether or not it finds work: under a stream of commits, passes are spaced at least
// this far apart (each sends everything due), and Redis is asked whether it was emptied at most once a second
const MIN_PASS_GAP_MS = 10;
const EPOCH_CHECK_MS = 1_000;
const LAG_WARNING_SECONDS = 60;
const LAG_CHECK_MS = 30_000;

export const relayEpochKey = () => `${redisPrefix()}owed:epoch`;

export function startRelay(options: RelayOptions): Relay {
  const { sql, redis } = options;
  const pollMs = options.pollMs ?? 250;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const batchSize = options.batchSize ?? 500;
  const queues = new Map<string, Queue>();
  let stopped = false;
  let wake: (() => void) | undefined;
  let woken = false;
  let failing: string | null = null;
  let lastStaleCheck = 0;
  let lastEpochCheck = 0;
  let lastLagCheck = Date.now();

  const queueFor = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = createQueue(name, redis);
      queues.set(name, queue);
    }
    return queue;
  };

  const notify = () => {
    woken = true;
    wake?.();
  };

  const sleep = (passStartedAt: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      if (woken) {
        setTimeout(resolve, Math.max(0, passStartedAt + MIN_PASS_GAP_MS - Date.now()));
        return;
      }
      const timer = setTimeout(done, failing ? Math.max(pollMs, 1_000) : pollMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** A fresh Redis (first start, or a restart that lost everything): whatever was sent before is not there. */
  async function checkEpoch(): Promise<void> {
    // a process just started may still be connecting: worth a short wait rather than a failed first pass
    await whenRedisReady(redis);
    const created = await redis.set(relayEpochKey(), String(Date.now()), 'NX');
    if (created !== 'OK') return;
    const resent = await markAllUnsent(sql);
    if (resent > 0) log.warn({ resent }, 'relay: Redis holds none of the jobs sent before; sending them again');
  }

  async function sendUnsent(): Promise<number> {
    const rows = await claimUnsent(sql, batchSize);
    if (rows.length === 0) return 0;
    try {
      await Promise.all(
        [...groupByQueue(rows)].map(([queue, group]) =>
          queueFor(queue).addBulk(
            group.map((row) => ({ name: row.name, data: row.payload, opts: { ...row.options, jobId: owedJobId(row.id, row.generation) } })),
          ),
        ),
      );
    } catch (error) {
      // owed and unsent again at once; should this fail too, the stale check finds them in Redis or not
      await markUnsent(sql, rows).catch(() => {});
      lastEpochCheck = 0;
      throw error;
    }
    return rows.length;
  }

  async function recheckStale(): Promise<void> {
    await sql.begin(async (tx) => {
      const rows = await claimStale(tx, staleAfterMs, STALE_LIMIT);
      if (rows.length === 0) return;
      const states = await Promise.all(rows.map((row) => queueFor(row.queue).getJobState(owedJobId(row.id, row.jobGeneration))));
      const lost: number[] = [];
      const done: { id: number; generation: number }[] = [];
      const alive: number[] = [];
      rows.forEach((row, i) => {
        const state = states[i];
        // completed with the row still covered: the job's own delete was lost; completed without having
        // taken the row it was owed again for: as good as lost
        if (state === 'completed' && row.covered) done.push(row);
        else if (state === 'unknown' || state === 'failed' || state === 'completed') lost.push(row.id);
        else alive.push(row.id);
      });
      await Promise.all([markLost(tx, lost), completeOwedJobs(tx, done), markAlive(tx, alive)]);
      if (lost.length > 0) log.warn({ lost: lost.length }, 'relay: jobs Redis no longer holds are owed again');
    });
  }

  async function warnOnLag(): Promise<void> {
    if (Date.now() - lastLagCheck < LAG_CHECK_MS) return;
    lastLagCheck = Date.now();
    const lag = await owedLag(sql);
    if (lag.oldestSeconds > LAG_WARNING_SECONDS) log.warn(lag, 'relay: owed jobs are waiting long');
  }

  async function pass(): Promise<void> {
    if (Date.now() - lastEpochCheck >= EPOCH_CHECK_MS) {
      await checkEpoch();
      lastEpochCheck = Date.now();
    }
    while (!stopped && (await sendUnsent()) === batchSize) {
      // a full batch: more may be waiting
    }
    if (Date.now() - lastStaleCheck >= staleAfterMs / 2) {
      lastStaleCheck = Date.now();
      await recheckStale();
    }
    await warnOnLag();
  }

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const listening = sql.listen('owed_jobs', notify).catch((error: Error) => {
    // the poll still runs; postgres.js listens again once the database answers
    log.warn({ err: error.message }, 'relay: not listening for owed jobs; polling');
  });

  async function run(): Promise<void> {
    await listening;
    while (!stopped) {
      woken = false;
      const passStartedAt = Date.now();
      try {
        await pass();
        if (failing) log.info({ after: failing }, 'relay: sending again');
        failing = null;
      } catch (error) {
        const message = (error as Error).message;
        // once per outage: the relay retries every second until Redis and Postgres answer
        if (failing === null) log.warn({ err: message }, 'relay: cannot send owed jobs yet; retrying');
        failing = message;
      }
      markReady();
      await sleep(passStartedAt);
    }
    markReady();
  }
  const loop = run();

  return {
    ready,
    close: async () => {
      stopped = true;
      wake?.();
      await loop;
      const listener = await listening;
      await listener?.unlisten().catch(() => {});
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    },
  };
}

function groupByQueue(rows: readonly OwedRow[]): Map<string, OwedRow[]> {
  const groups = new Map<string, OwedRow[]>();
  for (const row of rows) groups.set(row.queue, [...(groups.get(row.queue) ?? []), row]);
  return groups;
}
