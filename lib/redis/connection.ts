// ioredis connections. BullMQ needs maxRetriesPerRequest: null; other callers fail fast instead of queueing.
import { Redis } from 'ioredis';
import { getEnv } from '../env';

export function createRedis(options: { forBullmq?: boolean } = {}): Redis {
  return new Redis(getEnv().REDIS_URL, {
    maxRetriesPerRequest: options.forBullmq ? null : 1,
    enableOfflineQueue: options.forBullmq ?? false,
    lazyConnect: false,
    connectTimeout: 2_000,
  });
}

const globalRef = globalThis as unknown as { __dwRedis?: Redis };

/** The process's shared command connection (rate limits, clock, health). */
export function redis(): Redis {
  if (!globalRef.__dwRedis) {
    const client = createRedis();
    // errors surface on each command; without a listener ioredis would log every reconnect attempt
    client.on('error', () => {});
    globalRef.__dwRedis = client;
  }
  return globalRef.__dwRedis;
}

export async function closeRedis(): Promise<void> {
  const client = globalRef.__dwRedis;
  globalRef.__dwRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
