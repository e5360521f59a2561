// The relay against real Postgres and Redis: owed work reaches a worker once, survives Redis forgetting it
// (emptied, or one job lost), work owed again while its job runs runs again, and work owed again while its
// job waits is done by that job. A queue of its own, so the
// owed rows other test files leave behind never reach a worker here.
import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from '../db/sql';
import { redisPrefix } from '../env';
import { createRedis } from '../redis/connection';
import { deleteRedisPrefix } from '../testing/test-database';
import { waitUntil } from '../testing/wait-until';
import { bullmqPrefix, createQueue, defineJob } from './define-job';
import { owed, oweJobs } from './owed-jobs';
import { startRelay, type Relay } from './relay';

const QUEUE = `relaytest${randomBytes(4).toString('hex')}`;
const runs: number[] = [];
let hold: Promise<void> | null = null;
const touchJob = defineJob({
  name: 'touch',
  queue: QUEUE,
  schema: z.object({ n: z.number().int() }),
  handle: async (payload) => {
    runs.push(payload.n);
    await hold;
  },
});
const owedTouch = (key: string, n: number, delayMs = 0) =>
  owed(touchJob, `${QUEUE}-${key}`, { n }, { removeOnComplete: true, removeOnFail: 10 }, delayMs);

const connections: Redis[] = [];
const connect = (forBullmq: boolean) => {
  const connection = createRedis({ forBullmq });
  connection.on('error', () => {});
  connections.push(connection);
  return connection;
};
let relay: Relay;
let worker: Worker | undefined;

function startWorker(): void {
  worker = new Worker(QUEUE, (job) => touchJob.process(job), { connection: connect(true), prefix: bullmqPrefix() });
}

async function stopWorker(): Promise<void> {
  await worker?.close();
  worker = undefined;
}

const owedRow = async (key: string) =>
  (await sql<{ generation: number; sentAt: Date | null }[]>`
    select generation, sent_at as "sentAt" from owed_jobs where key = ${`${QUEUE}-${key}`}`)[0];

const runsOf = (n: number) => runs.filter((run) => run === n).length;

beforeAll(async () => {
  relay = startRelay({ sql, redis: connect(false), pollMs: 50, staleAfterMs: 1_000 });
  await relay.ready;
});

afterEach(async () => {
  await stopWorker();
  hold = null;
});

afterAll(async () => {
  await relay.close();
  await sql`delete from owed_jobs where key like ${`${QUEUE}-%`}`;
  for (const connection of connections) connection.disconnect();
});

describe('the relay', () => {
  it('sends work owed by a committed transaction once, and it is no longer owed when done', async () => {
    startWorker();
    await sql.begin((tx) => oweJobs(tx, [owedTouch('a', 1)]));
    await waitUntil(() => runsOf(1) === 1, 'the owed job ran');
    await expect.poll(() => owedRow('a'), { timeout: 10_000 }).toBeUndefined();
    expect(runsOf(1)).toBe(1);
  });

  it('never sends work owed by a transaction that rolled back', async () => {
    startWorker();
    await sql
      .begin(async (tx) => {
        await oweJobs(tx, [owedTouch('rolled-back', 2)]);
        throw new Error('refused');
      })
      .catch(() => {});
    await sql.begin((tx) => oweJobs(tx, [owedTouch('b', 3)]));
    await waitUntil(() => runsOf(3) === 1, 'the later job ran');
    expect(runsOf(2)).toBe(0);
  });

  it('sends again what Redis forgot when it came back empty', async () => {
    await oweJobs(sql, [owedTouch('c', 4)]);
    await expect.poll(async () => (await owedRow('c'))?.sentAt ?? null, { timeout: 10_000 }).not.toBeNull();
    // Redis restarted without persistence: every key of this deployment is gone, the queued job with them
    await deleteRedisPrefix(redisPrefix());
    startWorker();
    await waitUntil(() => runsOf(4) === 1, 'the forgotten job ran after all');
    await expect.poll(() => owedRow('c'), { timeout: 10_000 }).toBeUndefined();
    expect(runsOf(4)).toBe(1);
  });

  it('owes a job Redis lost again under a new job id', async () => {
    await oweJobs(sql, [owedTouch('d', 5)]);
    await expect.poll(async () => (await owedRow('d'))?.sentAt ?? null, { timeout: 10_000 }).not.toBeNull();
    const [row] = await sql<{ id: number }[]>`select id from owed_jobs where key = ${`${QUEUE}-d`}`;
    const queue = createQueue(QUEUE, connect(true));
    // the job is gone from Redis (as after a failed add that Redis half took, or an operator's clean-up)
    expect(await queue.remove(`owed-${row!.id}-1`)).toBe(1);
    await queue.close();
    startWorker();
    await waitUntil(() => runsOf(5) === 1, 'the lost job ran after all');
    await expect.poll(() => owedRow('d'), { timeout: 10_000 }).toBeUndefined();
  });

  it('runs work owed again while its job runs once more, and one job for work owed twice before it was sent', async () => {
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    startWorker();
    await oweJobs(sql, [owedTouch('e', 6)]);
    await waitUntil(() => runsOf(6) === 1, 'the first run started');
    // owed again while the job runs: it may have read the old state, so a second generation is owed
    await oweJobs(sql, [owedTouch('e', 6)]);
    expect((await owedRow('e'))?.generation).toBe(2);
    hold = null;
    release();
    await waitUntil(() => runsOf(6) === 2, 'the second generation ran');
    await expect.poll(() => owedRow('e'), { timeout: 10_000 }).toBeUndefined();

    // owed three times within its coalescing window (as a burst of rescores is): one job
    await oweJobs(sql, [owedTouch('f', 7, 1_500), owedTouch('f', 7, 1_500)]);
    await oweJobs(sql, [owedTouch('f', 7, 1_500)]);
    expect(await owedRow('f')).toMatchObject({ generation: 1, sentAt: null });
    await waitUntil(() => runsOf(7) >= 1, 'the job owed three times ran');
    await expect.poll(() => owedRow('f'), { timeout: 10_000 }).toBeUndefined();
    expect(runsOf(7)).toBe(1);
  });

  it('sends no second job for work owed again while its job still waits in Redis: that job takes it all', async () => {
    await oweJobs(sql, [owedTouch('g', 8)]);
    await expect.poll(async () => (await owedRow('g'))?.sentAt ?? null, { timeout: 10_000 }).not.toBeNull();
    const [row] = await sql<{ id: number }[]>`select id from owed_jobs where key = ${`${QUEUE}-g`}`;
    // no worker yet: the job waits, and the work is owed again twice
    await oweJobs(sql, [owedTouch('g', 8)]);
    await oweJobs(sql, [owedTouch('g', 8)]);
    expect(await owedRow('g')).toMatchObject({ generation: 2, sentAt: null });
    // the relay polls every 50 ms: ten passes see the row and leave it to the waiting job
    await new Promise((resolve) => setTimeout(resolve, 500));
    const queue = createQueue(QUEUE, connect(true));
    expect(await queue.getJobState(`owed-${row!.id}-2`)).toBe('unknown');
    expect(await queue.getWaitingCount()).toBe(1);
    await queue.close();

    startWorker();
    await waitUntil(() => runsOf(8) === 1, 'the waiting job ran');
    await expect.poll(() => owedRow('g'), { timeout: 10_000 }).toBeUndefined();
    expect(runsOf(8)).toBe(1);
  });
});
