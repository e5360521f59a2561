// GET /api/health's answer: each dependency checked with a short deadline so a dead one reports, not hangs.
import type { Redis } from 'ioredis';
import type { Db } from '../db/sql';
import { owedLag, type OwedLag } from '../jobs/owed-jobs';

export type DependencyState = 'ok' | 'down';

export interface Health {
  status: 'ok' | 'degraded';
  db: DependencyState;
  redis: DependencyState;
  /**
   * The relay's lag (lib/jobs/relay.ts): work committed and not yet done, how much of it is not yet in Redis,
   * and the age of the oldest. A figure, not a verdict: a backlog is not an outage. Absent while Postgres is down.
   */
  owedJobs?: OwedLag;
}

// answered within about a second, whichever dependency hangs
const CHECK_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function probe(check: () => Promise<unknown>): Promise<DependencyState> {
  try {
    await withTimeout(check());
    return 'ok';
  } catch {
    return 'down';
  }
}

export async function checkHealth(db: Db, redis: Redis): Promise<Health> {
  const [dbState, redisState] = await Promise.all([probe(() => db`select 1`), probe(() => redis.ping())]);
  const owedJobs = dbState === 'ok' ? await withTimeout(owedLag(db)).catch(() => undefined) : undefined;
  return {
    status: dbState === 'ok' && redisState === 'ok' ? 'ok' : 'degraded',
    db: dbState,
    redis: redisState,
    ...(owedJobs ? { owedJobs } : {}),
  };
}
