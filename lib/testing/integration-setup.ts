// vitest globalSetup of the integration project: one migrated database and Redis prefix for the run,
// dropped afterwards; test workers inherit them through the environment.
import { Redis } from 'ioredis';
import { createTestDatabase } from './test-database';

export default async function setup(): Promise<() => Promise<void>> {
  const db = await createTestDatabase('int');
  process.env.DATABASE_URL = db.appUrl;
  process.env.DATABASE_ADMIN_URL = db.adminUrl;
  process.env.REDIS_PREFIX = db.redisPrefix;
  process.env.LOG_LEVEL ??= 'warn';
  return async () => {
    await db.drop();
    await deleteRedisPrefix(db.redisPrefix);
  };
}

async function deleteRedisPrefix(prefix: string): Promise<void> {
  const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
