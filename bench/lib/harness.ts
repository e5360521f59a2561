// What the benchmarks share in one run: the database they write to, the Redis prefix, the child processes'
// environment, the web server and worker processes (started when first needed), sessions of a supervisor
// whose scope covers every alert, and departments with API keys to ingest for.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createApiKey } from '../../lib/auth/api-keys';
import { createSession } from '../../lib/auth/sessions';
import { createSql, type Sql } from '../../lib/db/sql';
import { createQueue } from '../../lib/jobs/define-job';
import { createRedis } from '../../lib/redis/connection';
import { onCleanup } from './cleanup';
import { postgresBackendPids, redisServerPids, type CpuGroups } from './cpu';
import type { BenchDatabase } from './databases';
import { loadSnapshot, waitForQuiet, type LoadSnapshot } from './machine';
import { startServer, startWorkers, type BenchProcess } from './processes';
import { sleep } from './stats';

export interface IngestTarget {
  departmentId: number;
  departmentName: string;
  orgCode: string;
  regionPath: string;
  catalogCode: string;
  channels: string[];
  apiKey: string;
}

export interface HarnessOptions {
  db: BenchDatabase;
  redisPrefix: string;
  /** Unique to this run: tags external ids and keys it creates. */
  tag: string;
  port: number;
  /** Write CPU profiles of the check worker here (bench -- f --profile). */
  profileDir?: string;
  /** Before each measured run, wait up to this long for other work on the machine to calm down. */
  quietWaitMs?: number;
  log: (line: string) => void;
}

export class Harness {
  readonly db: BenchDatabase;
  readonly redisPrefix: string;
  readonly tag: string;
  readonly port: number;
  readonly url: string;
  readonly log: (line: string) => void;
  readonly profileDir: string | undefined;
  readonly quietWaitMs: number;
  readonly sql: Sql;
  readonly redis: Redis;
  /** The environment of every child process. */
  readonly childEnv: NodeJS.ProcessEnv;
  server: BenchProcess | null = null;
  workers: { process: BenchProcess; queues: string[] } | null = null;
  private supervisorId: number | null = null;
  private targetsCache: IngestTarget[] | null = null;
  private queues = new Map<string, Queue>();
  private extraPids: number[] = [];
  private autovacuumOn: boolean | null = null;

  constructor(options: HarnessOptions) {
    this.db = options.db;
    this.redisPrefix = options.redisPrefix;
    this.tag = options.tag;
    this.port = options.port;
    this.url = `http://127.0.0.1:${options.port}`;
    this.log = options.log;
    this.profileDir = options.profileDir;
    this.quietWaitMs = options.quietWaitMs ?? 60_000;
    this.sql = createSql(options.db.appUrl, { max: 10 });
    this.redis = createRedis({ forBullmq: true });
    this.redis.on('error', () => {});
    onCleanup('bench connections', async () => {
      for (const queue of this.queues.values()) await queue.close().catch(() => {});
      this.redis.disconnect();
      await this.sql.end({ timeout: 5 });
    });
    this.childEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.db.appUrl,
      DATABASE_ADMIN_URL: options.db.adminUrl,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: options.redisPrefix,
      ALLOW_CLOCK_CONTROL: 'false',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    };
  }

  /** Runs `work` as the database owner (ANALYZE and the like), on a connection of its own. */
  async admin<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const sql = createSql(this.db.adminUrl, { max: 1 });
    try {
      return await work(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }

  /** A BullMQ queue of this run's prefix, from the bench process. */
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, this.redis);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async ensureServer(options: { profile?: boolean } = {}): Promise<BenchProcess> {
    if (this.server && options.profile) await this.stopServer();
    if (!this.server) {
      this.log(`  · starting server.ts (production) on :${this.port}${options.profile ? ' under --cpu-prof' : ''}`);
      this.server = await startServer(this.childEnv, this.port, options.profile ? this.profileDir : undefined);
    }
    return this.server;
  }

  async stopServer(): Promise<void> {
    if (!this.server) return;
    await this.server.stop();
    this.server = null;
  }

  /** The worker process running exactly `queues` (restarted if a different set is running). */
  async ensureWorkers(queues: string[], options: { profile?: boolean } = {}): Promise<BenchProcess> {
    const key = queues.join(',');
    if (this.workers && this.workers.queues.join(',') === key && !options.profile) return this.workers.process;
    await this.stopWorkers();
    this.log(`  · starting workers (${key})${options.profile ? ' under --cpu-prof' : ''}`);
    const process = await startWorkers(this.childEnv, queues, options.profile ? this.profileDir : undefined);
    this.workers = { process, queues };
    return process;
  }

  async stopWorkers(): Promise<void> {
    if (!this.workers) return;
    await this.workers.process.stop();
    this.workers = null;
  }

  addPid(pid: number): void {
    this.extraPids.push(pid);
  }

  ownPids(): number[] {
    return [process.pid, this.server?.pid, this.workers?.process.pid, ...this.extraPids].filter(
      (pid): pid is number => typeof pid === 'number',
    );
  }

  /** Process groups for CPU accounting: server, workers, Postgres backends of the run's database, Redis, bench. */
  cpuGroups(extra: Record<string, number> = {}, omit: string[] = []): CpuGroups {
    const groups: CpuGroups = {
      server: () => (this.server ? [this.server.pid] : []),
      workers: () => (this.workers ? [this.workers.process.pid] : []),
      postgres: () => postgresBackendPids(this.sql, this.db.name),
      redis: () => redisServerPids(),
      'bench (HTTP + socket clients)': () => [process.pid],
    };
    for (const [name, pid] of Object.entries(extra)) groups[name] = () => [pid];
    for (const name of omit) delete groups[name];
    return groups;
  }

  /** Before a measured run: wait (bounded) for the machine to be quiet, then record its load. */
  async beforeRun(): Promise<LoadSnapshot> {
    await this.analyzeChangedTables();
    const { waitedMs } = this.quietWaitMs > 0 ? await waitForQuiet(this.quietWaitMs) : { waitedMs: 0 };
    return { ...loadSnapshot(this.ownPids()), waitedMs };
  }

  /**
   * Analyzes the tables autovacuum would have by now (more than 50 rows + 10% changed since the last analyze)
   * when the server runs with autovacuum off, as this machine's does (conf.d/90-ci.conf): before each run
   * and every 20 s during the benchmark. Without it the alerts table of the copy (empty at the start) is never
   * analyzed, the connections' cached plans scan every open alert per check, and each run of (a) is slower
   * than the one before it (measured: 1,143 alert rows read per item late in a run, 3 once analyzed).
   */
  private async analyzeChangedTables(): Promise<void> {
    if (this.autovacuumOn === null) {
      const [setting] = await this.sql<{ on: boolean }[]>`select current_setting('autovacuum') = 'on' as on`;
      this.autovacuumOn = setting?.on ?? true;
      if (!this.autovacuumOn) {
        const timer = setInterval(() => void this.analyzeChangedTables().catch(() => {}), 20_000);
        timer.unref();
        onCleanup('autovacuum stand-in', () => clearInterval(timer));
      }
    }
    if (this.autovacuumOn) return;
    await this.admin(async (sql) => {
      const tables = await sql<{ name: string }[]>`
        select relname as name from pg_stat_user_tables where n_mod_since_analyze > 50 + 0.1 * n_live_tup`;
      for (const { name } of tables) await sql`analyze ${sql(name)}`;
    });
  }

  /** The province supervisor (region 320000): every alert reaches the rooms of its scope. */
  async supervisor(): Promise<number> {
    if (this.supervisorId === null) {
      const [row] = await this.sql<{ id: number }[]>`
        select u.id from users u join regions r on r.code = u.region_code
        where u.role = 'supervisor' and r.level = 'province' and u.is_active
        order by u.id limit 1`;
      if (!row) throw new Error('no province supervisor in the benchmark database');
      this.supervisorId = row.id;
    }
    return this.supervisorId;
  }

  /** `n` fresh sessions of the province supervisor (one per simulated browser). */
  async sessions(n: number): Promise<string[]> {
    const id = await this.supervisor();
    const tokens: string[] = [];
    for (let i = 0; i < n; i += 1) tokens.push((await createSession(this.sql, { id }, { userAgent: 'bench' })).token);
    return tokens;
  }

  /**
   * Departments in different counties that each own a current, proactive, event-triggered catalog entry
   * (an item opens its obligation and is judged for completeness), each with a new API key.
   */
  async ingestTargets(max = 20): Promise<IngestTarget[]> {
    if (this.targetsCache) return this.targetsCache;
    const rows = await this.sql<Omit<IngestTarget, 'apiKey'>[]>`
      select * from (
        select distinct on (d.region_code) d.id as "departmentId", d.name as "departmentName", d.org_code as "orgCode",
          r.path as "regionPath", c.code as "catalogCode", c.channels
        from catalog_entries c
        join departments d on d.id = c.department_id
        join regions r on r.code = d.region_code
        where c.is_current and c.retired_at is null and c.mode = 'proactive'
          and c.time_limit->>'kind' = 'working_days_after' and r.level = 'county' and c.region_code = d.region_code
        order by d.region_code, c.id
      ) t
      order by "regionPath"
      limit ${max}`;
    if (rows.length === 0) throw new Error('no department with an event-triggered catalog entry');
    const targets: IngestTarget[] = [];
    for (const row of rows) {
      const { key } = await createApiKey(this.sql, { departmentId: row.departmentId, label: 'bench', createdBy: 'bench' });
      targets.push({ ...row, apiKey: key });
    }
    this.targetsCache = targets;
    return targets;
  }

  /** Jobs not yet finished in a queue. */
  async pending(queueName: string): Promise<number> {
    const counts = await this.queue(queueName).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  /** Waits (bounded) until the queue has nothing waiting or running. */
  async drain(queueName: string, timeoutMs: number): Promise<boolean> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if ((await this.pending(queueName)) === 0) return true;
      await sleep(100);
    }
    return false;
  }

  /**
   * Waits (bounded) until the sweep has caught up: no open obligation is past its next threshold. On a copy of
   * data seeded hours ago, the first passes move every obligation that crossed a threshold since.
   */
  async sweepCaughtUp(timeoutMs: number): Promise<number> {
    const started = Date.now();
    let due = 0;
    while (Date.now() - started < timeoutMs) {
      const [row] = await this.sql<{ n: number }[]>`
        select count(*)::int as n from obligations
        where state = 'open' and next_check_at is not null and next_check_at <= ${new Date()}`;
      due = row?.n ?? 0;
      const counts = await this.queue('sweep').getJobCounts('active', 'waiting');
      if (due === 0 && (counts.active ?? 0) + (counts.waiting ?? 0) === 0) return 0;
      await sleep(500);
    }
    return due;
  }
}
