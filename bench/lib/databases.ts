// Where the benchmarks write: a throwaway copy of the province-scale database `dw_province` (CREATE DATABASE
// … TEMPLATE), so dw_province itself is only ever read and stays reusable; or, when there is no province
// data, a throwaway database (lib/testing/test-database.ts) with a small province seeded into it. Either is
// dropped at the end, with the run's Redis keys.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { migrate } from '../../lib/db/migrate';
import { createTestDatabase, deleteRedisPrefix as deleteTestRedisPrefix } from '../../lib/testing/test-database';
import { onCleanup } from './cleanup';
import { sleep } from './stats';

export const PG_HOST = '127.0.0.1:5432';
export const REDIS_URL = 'redis://127.0.0.1:6379';
export const PROVINCE_DB = 'dw_province';
export const adminUrlOf = (database: string) => `postgres://postgres@${PG_HOST}/${database}`;
export const appUrlOf = (database: string) => `postgres://dw_app:dw_app@${PG_HOST}/${database}`;
/** The province seed is complete at about a million items; a partial load counts as not there. */
export const PROVINCE_MIN_ITEMS = 900_000;

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BenchDatabase {
  name: string;
  adminUrl: string;
  appUrl: string;
  /** 'province-copy' (a copy of dw_province) or 'seeded' (a small province seeded for this run). */
  kind: 'province-copy' | 'seeded';
  items: number;
  /** How long making it took. */
  setupMs: number;
  /** Anything a reader of the figures should know about it. */
  notes?: string[];
}

function serverSql() {
  return postgres(adminUrlOf('postgres'), { max: 1, onnotice: () => {} });
}

export interface ProvinceStatus {
  exists: boolean;
  items: number;
  /** A COPY into it (the seed) or another session is running in it. */
  loading: boolean;
  sessions: number;
}

export async function provinceStatus(): Promise<ProvinceStatus> {
  const server = serverSql();
  try {
    const [db] = await server`select 1 from pg_database where datname = ${PROVINCE_DB}`;
    if (!db) return { exists: false, items: 0, loading: false, sessions: 0 };
    const activity = await server<{ query: string; state: string | null }[]>`
      select query, state from pg_stat_activity where datname = ${PROVINCE_DB} and pid <> pg_backend_pid()`;
    const loading = activity.some((a) => a.state !== 'idle' && /\bcopy\b/i.test(a.query));
    let items = 0;
    const province = postgres(adminUrlOf(PROVINCE_DB), { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const [row] = await province<{ n: number }[]>`select count(*)::int as n from items`;
      items = row?.n ?? 0;
    } catch {
      items = 0;
    } finally {
      await province.end({ timeout: 5 });
    }
    return { exists: true, items, loading, sessions: activity.length };
  } finally {
    await server.end({ timeout: 5 });
  }
}

/** Waits (bounded) until dw_province exists with ≥ 900,000 items and no COPY running into it. */
export async function waitForProvince(timeoutMs: number, log: (line: string) => void): Promise<ProvinceStatus> {
  const started = Date.now();
  let last = '';
  for (;;) {
    const status = await provinceStatus();
    if (status.exists && status.items >= PROVINCE_MIN_ITEMS && !status.loading) return status;
    if (!status.exists && timeoutMs === 0) return status;
    if (Date.now() - started >= timeoutMs) return status;
    const line = status.exists
      ? `  · waiting for ${PROVINCE_DB}: ${status.items.toLocaleString('en')} items${status.loading ? ', COPY running' : ''}`
      : `  · waiting for ${PROVINCE_DB} to be created`;
    if (line !== last) log(line);
    last = line;
    await sleep(15_000);
  }
}

/**
 * CREATE DATABASE dw_bench_… TEMPLATE dw_province. Postgres refuses while another session is connected to the
 * template: retried for up to `retryMs`, then null.
 */
export async function copyProvince(
  suffix: string,
  retryMs: number,
  log: (line: string) => void,
  template = PROVINCE_DB,
): Promise<BenchDatabase | null> {
  if (!/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`invalid template database name ${template}`);
  const name = `dw_bench_${suffix}`;
  const started = performance.now();
  const server = serverSql();
  try {
    for (;;) {
      try {
        await server.unsafe(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        const message = (error as Error).message;
        if (!/being accessed by other users/.test(message) || performance.now() - started > retryMs) {
          log(`  · could not copy ${template}: ${message}`);
          return null;
        }
        await sleep(3_000);
      }
    }
  } finally {
    await server.end({ timeout: 5 });
  }
  onCleanup(`drop database ${name}`, () => dropDatabase(name));
  const adminUrl = adminUrlOf(name);
  const appUrl = appUrlOf(name);
  // grants for the app role, and any migration newer than the seed
  const notes: string[] = [];
  try {
    await migrate({ adminUrl, appUrl });
  } catch (error) {
    // a migration changed after dw_province was migrated (work in progress): measure the schema as it is
    const message = (error as Error).message;
    if (!/edited after it was applied/.test(message)) throw error;
    notes.push(`${template}'s schema predates the working tree (${message.split(' / ').pop()}); measured as it is`);
    log(`  · ${notes[notes.length - 1]}`);
  }
  const items = await countItems(adminUrl);
  return { name, adminUrl, appUrl, kind: 'province-copy', items, setupMs: performance.now() - started, notes };
}

/** A throwaway database with a province of `items` items seeded by `npm run seed -- --scale province`. */
export async function seededDatabase(items: number, log: (line: string) => void): Promise<BenchDatabase> {
  const started = performance.now();
  const db = await createTestDatabase('bench');
  onCleanup(`drop database ${db.name}`, () => db.drop());
  log(`  · seeding ${items.toLocaleString('en')} items into ${db.name}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'seeds/cli.ts', '--scale', 'province', '--items', String(items)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.appUrl, DATABASE_ADMIN_URL: db.adminUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    const stop = onCleanup('seed process', () => void child.kill('SIGTERM'));
    child.once('exit', (code) => {
      void stop();
      if (code === 0) resolve();
      else reject(new Error(`seed failed (${code}):\n${output}`));
    });
  });
  return {
    name: db.name,
    adminUrl: db.adminUrl,
    appUrl: db.appUrl,
    kind: 'seeded',
    items: await countItems(db.adminUrl),
    setupMs: performance.now() - started,
  };
}

async function countItems(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from items`;
    return row?.n ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^dw_(bench|test)_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const server = serverSql();
  try {
    await server.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await server.end({ timeout: 5 });
  }
}

export const newSuffix = () => `${process.pid}_${randomBytes(3).toString('hex')}`;

/** Deletes every Redis key under the run's prefix (queues, socket.io, clock, anything else). */
export async function deleteRedisPrefix(prefix: string): Promise<number> {
  if (!prefix.startsWith('dwbench:')) throw new Error(`refusing to delete keys under ${prefix}`);
  return deleteTestRedisPrefix(prefix);
}

export async function serverVersions(): Promise<{ postgres: string; redis: string }> {
  const server = serverSql();
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const [row] = await server<{ version: string; shared_buffers: string; synchronous_commit: string; autovacuum: string }[]>`
      select version(), current_setting('shared_buffers') as shared_buffers,
        current_setting('synchronous_commit') as synchronous_commit, current_setting('autovacuum') as autovacuum`;
    const info = await client.info('server');
    return {
      postgres: `${(row?.version ?? 'unknown').split(' on ')[0]!} (shared_buffers ${row?.shared_buffers ?? '?'}, synchronous_commit ${row?.synchronous_commit ?? '?'}, autovacuum ${row?.autovacuum ?? '?'})`,
      redis: `Redis ${info.match(/redis_version:(\S+)/)?.[1] ?? 'unknown'}`,
    };
  } finally {
    client.disconnect();
    await server.end({ timeout: 5 });
  }
}
