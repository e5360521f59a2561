// The deployment the chaos suite breaks: a private Redis and Postgres (never the machine's shared ones), a
// migrated database with the chaos world in it, two web processes (production build of server.ts) and two
// worker processes, all on 127.0.0.1 with free ports and a Redis prefix of their own. close() takes every
// piece down again, whatever state the faults left it in.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { migrate } from '../../db/migrate';
import { createSql, type Sql } from '../../db/sql';
import { QUEUE_OPTIONS } from '../../jobs/define-job';
import { CHECK_QUEUE } from '../../jobs/queues';
import { findFreePort, startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from '../private-services';
import { createChaosWorld, type ChaosWorld, type ChaosWorldKind } from './chaos-world';
import { createManagedProcess, type ManagedProcess } from './managed-process';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
}

export interface ChaosStack {
  redis: PrivateRedis;
  postgres: PrivatePostgres;
  webs: ManagedProcess[];
  workers: ManagedProcess[];
  baseUrls: string[];
  /** The database owner on the chaos database: the suite's own reads of what really happened. */
  adminSql: Sql;
  world: ChaosWorld;
  logDir: string;
  /** The check queue's job counts, or null while Redis does not answer. */
  checkQueueCounts: () => Promise<QueueCounts | null>;
  /** Restarts any web or worker process that is not running (an unplanned exit); returns their names. */
  reviveAll: () => Promise<string[]>;
  close: () => Promise<void>;
}

const WEB_COUNT = 2;
const WORKER_COUNT = 2;

async function answersHttp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export async function startChaosStack(options: {
  log: (line: string) => void;
  /** A process that exits by itself is started again this much later (counted as an unplanned exit all the same). */
  restartAfterCrashMs: number;
  /** The fault phases' small world, or the demo data set for the soak (chaos-world.ts). */
  world: ChaosWorldKind;
}): Promise<ChaosStack> {
  const { log } = options;
  const undo: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const step of undo.reverse()) await step().catch((error: Error) => console.error(`chaos cleanup: ${error.message}`));
    undo.length = 0;
  };
  try {
    const started = Date.now();
    const [redis, postgres] = await Promise.all([startPrivateRedis(), startPrivatePostgres()]);
    undo.push(() => redis.close(), () => postgres.close());
    log(`private redis :${redis.port}, private postgres :${postgres.port}`);

    const database = 'dw_chaos';
    const adminUrl = postgres.adminUrl(database);
    const appUrl = postgres.appUrl(database);
    await migrate({ adminUrl, appUrl });
    const appSql = createSql(appUrl, { max: 2 });
    const seeding = Date.now();
    const world = await createChaosWorld(appSql, options.world).finally(() => appSql.end({ timeout: 5 }));
    log(`${options.world} world ready in ${((Date.now() - seeding) / 1000).toFixed(1)} s: ${world.departments.length || world.publishers.length} departments publish`);
    const adminSql = createSql(adminUrl, { max: 4 });
    undo.push(() => adminSql.end({ timeout: 5 }));

    const prefix = `dwchaos:${randomBytes(3).toString('hex')}:`;
    const logDir = mkdtempSync(path.join(tmpdir(), 'dw-chaos-logs-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: appUrl,
      DATABASE_ADMIN_URL: adminUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // one address (127.0.0.1) signs the supervisor in again after every fault
      LOGIN_LIMIT_PER_IP: '100000',
      LOGIN_LIMIT_PER_ACCOUNT: '100000',
      NEXT_TELEMETRY_DISABLED: '1',
    };

    const webs: ManagedProcess[] = [];
    for (let i = 1; i <= WEB_COUNT; i += 1) {
      const port = await findFreePort();
      webs.push(
        createManagedProcess({
          name: `web-${i}`,
          role: 'web',
          port,
          env: { ...env, PORT: String(port) },
          logFile: path.join(logDir, `web-${i}.log`),
          restartAfterCrashMs: options.restartAfterCrashMs,
          isReady: () => answersHttp(`http://127.0.0.1:${port}/api/health`),
        }),
      );
    }
    const workers: ManagedProcess[] = [];
    for (let i = 1; i <= WORKER_COUNT; i += 1) {
      workers.push(
        createManagedProcess({
          name: `worker-${i}`,
          role: 'worker',
          // 'workers started' is logged at info; the workers log nothing per job at that level
          env: { ...env, LOG_LEVEL: 'info' },
          logFile: path.join(logDir, `worker-${i}.log`),
          restartAfterCrashMs: options.restartAfterCrashMs,
          isReady: async (logSinceStart) => (await logSinceStart()).includes('workers started'),
        }),
      );
    }
    const all = [...webs, ...workers];
    undo.push(async () => {
      // a graceful stop is promised within 10 s
      await Promise.all(all.map((running) => running.stop(10_000)));
    });
    // one at a time: four tsx compilations at once on 2 cores only make each slower
    for (const running of all) await running.start();
    log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${webs.map((w) => `${w.name} :${w.port}`).join(', ')}, ${workers.length} workers; logs in ${logDir}`);

    const queueConnection = new Redis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1_000 });
    queueConnection.on('error', () => {});
    const checkQueue = new Queue(CHECK_QUEUE, { connection: queueConnection, prefix: prefix.replace(/:$/, ''), ...QUEUE_OPTIONS });
    checkQueue.on('error', () => {});
    undo.push(async () => {
      await checkQueue.close().catch(() => {});
      queueConnection.disconnect();
    });

    return {
      redis,
      postgres,
      webs,
      workers,
      baseUrls: webs.map((web) => `http://127.0.0.1:${web.port}`),
      adminSql,
      world,
      logDir,
      checkQueueCounts: async () => {
        try {
          const counts = await Promise.race([
            checkQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
          ]);
          return { waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0, delayed: counts.delayed ?? 0 };
        } catch {
          return null;
        }
      },
      reviveAll: async () => {
        const revived: string[] = [];
        for (const running of all) {
          if (running.isAlive()) continue;
          await running.start();
          revived.push(running.name);
        }
        return revived;
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
