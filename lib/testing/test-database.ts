// A throwaway database (and Redis prefix) per test run, so runs never collide with demo data or each other.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { migrate } from '../db/migrate';

export interface TestDatabase {
  name: string;
  adminUrl: string;
  appUrl: string;
  redisPrefix: string;
  drop: () => Promise<void>;
}

const ADMIN_BASE = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://dw_app:dw_app@127.0.0.1:5432/postgres';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const suffix = `${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const name = `dw_test_${suffix}`;
  const adminUrl = withDatabase(ADMIN_BASE, name);
  const appUrl = withDatabase(APP_BASE, name);
  await migrate({ adminUrl, appUrl });
  return {
    name,
    adminUrl,
    appUrl,
    redisPrefix: `dwtest:${suffix}:`,
    drop: async () => {
      const server = postgres(withDatabase(ADMIN_BASE, 'postgres'), { max: 1, onnotice: () => {} });
      try {
        await server.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await server.end({ timeout: 5 });
      }
    },
  };
}

/** Deletes every Redis key under a run's prefix (queues, socket.io, clock, anything else). */
export async function deleteRedisPrefix(prefix: string): Promise<number> {
  const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}
