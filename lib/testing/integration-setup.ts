// vitest globalSetup of the integration project: one migrated database and Redis prefix for the run,
// dropped afterwards; test workers inherit them through the environment.
import { createTestDatabase, deleteRedisPrefix } from './test-database';

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
