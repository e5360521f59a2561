// Producers (web processes, scripts) share one lazily created Queue per queue name per process, on one
// BullMQ connection: a Queue per request would open a Redis connection per request.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { log } from '../log';
import { createRedis } from '../redis/connection';
import { createQueue } from './define-job';

interface ProducerState {
  connection?: Redis;
  queues: Map<string, Queue>;
}

// on globalThis so Next.js dev reloads and route bundles share one set per process, like the sql pool
const globalRef = globalThis as unknown as { __dwProducer?: ProducerState };

function state(): ProducerState {
  return (globalRef.__dwProducer ??= { queues: new Map() });
}

export function getQueue(name: string): Queue {
  const producer = state();
  let queue = producer.queues.get(name);
  if (!queue) {
    if (!producer.connection) {
      const connection = createRedis({ forBullmq: true });
      // errors surface on each add; without a listener ioredis would log every reconnect attempt
      connection.on('error', (error) => log.warn({ err: error.message }, 'producer redis'));
      producer.connection = connection;
    }
    queue = createQueue(name, producer.connection);
    producer.queues.set(name, queue);
  }
  return queue;
}

/** Closes every queue of this process and their connection (scripts and tests, before exit). */
export async function closeQueues(): Promise<void> {
  const producer = globalRef.__dwProducer;
  globalRef.__dwProducer = undefined;
  if (!producer) return;
  await Promise.allSettled([...producer.queues.values()].map((queue) => queue.close()));
  if (producer.connection) await producer.connection.quit().catch(() => producer.connection?.disconnect());
}
