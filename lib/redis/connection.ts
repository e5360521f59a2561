// ioredis connections. BullMQ needs maxRetriesPerRequest: null; other callers fail fast instead of queueing.
import { Redis } from 'ioredis';
import { getEnv } from '../env';

// ioredis's default backs off to 5 s between attempts: a Redis that returns would then be noticed up to 5 s
// late (health stays degraded, workers idle). One attempt a second at most is cheap against a local Redis.
const MAX_RECONNECT_DELAY_MS = 1_000;
// A fail-fast command that Redis does not answer (hung, not refused) must not hold a request for long.
const COMMAND_TIMEOUT_MS = 1_000;

export function reconnectDelayMs(attempt: number): number {
  return Math.min(50 * 2 ** Math.max(0, attempt - 1), MAX_RECONNECT_DELAY_MS) + Math.floor(Math.random() * 100);
}

export function createRedis(options: { forBullmq?: boolean } = {}): Redis {
  const forBullmq = options.forBullmq ?? false;
  return new Redis(getEnv().REDIS_URL, {
    maxRetriesPerRequest: forBullmq ? null : 1,
    enableOfflineQueue: forBullmq,
    ...(forBullmq ? {} : { commandTimeout: COMMAND_TIMEOUT_MS }),
    lazyConnect: false,
    connectTimeout: 2_000,
    retryStrategy: reconnectDelayMs,
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

// A process that has just started may still be connecting: that first connect is worth a short wait. A
// connection that is reconnecting has lost Redis, and every wait there is a request held for nothing.
const FIRST_CONNECT_WAIT_MS = 500;

/**
 * Resolves when a fail-fast connection can take commands: at once when it is ready, after at most
 * FIRST_CONNECT_WAIT_MS while it connects, and rejects at once when Redis is known to be away.
 */
export async function whenRedisReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status === 'reconnecting' || client.status === 'close' || client.status === 'end') {
    throw new Error(`redis unavailable (status ${client.status})`);
  }
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    const onClose = () => settle(new Error('redis connection closed'));
    const timer = setTimeout(() => settle(new Error(`redis not ready after ${FIRST_CONNECT_WAIT_MS} ms (status ${client.status})`)), FIRST_CONNECT_WAIT_MS);
    client.once('ready', onReady);
    client.once('close', onClose);
  });
}

/**
 * QUIT, so commands already sent (the last pushes of a worker) reach Redis first; but a connection that
 * queues while Redis is away would wait for its return, so it is cut after `timeoutMs`.
 */
export async function quitRedis(client: Redis, timeoutMs = 1_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([client.quit().then(() => undefined, () => undefined), cut]);
  clearTimeout(timer);
  client.disconnect();
}
