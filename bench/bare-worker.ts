// The bare real-time path of benchmark (b): a BullMQ worker that does nothing but emit, through the same
// @socket.io/redis-emitter the engine's workers use, an alert of the same shape and size as a real one to the
// same rooms. Started by bench/run.ts; BENCH_ALERT_TEMPLATE is a real alert (JSON), BENCH_ROOMS its rooms.
import { Worker } from 'bullmq';
import type { Alert } from '../lib/alerts/alert';
import { getEnvOrExit } from '../lib/env';
import { bullmqPrefix } from '../lib/jobs/define-job';
import { createEmitter, emitToRooms } from '../lib/realtime/emit';
import { createRedis } from '../lib/redis/connection';

getEnvOrExit();
const QUEUE = 'bench-bare';
// as the check worker (workers/check.ts)
const CONCURRENCY = 16;

const template = JSON.parse(process.env.BENCH_ALERT_TEMPLATE ?? 'null') as Alert | null;
const rooms = JSON.parse(process.env.BENCH_ROOMS ?? '[]') as string[];
if (!template || rooms.length === 0) {
  console.error('BENCH_ALERT_TEMPLATE and BENCH_ROOMS are required');
  process.exit(2);
}

const connection = createRedis({ forBullmq: true });
const emitterConnection = createRedis({ forBullmq: true });
const emitter = createEmitter(emitterConnection);
const worker = new Worker(
  QUEUE,
  async (job) => {
    const key = Number((job.data as { k: number }).k);
    emitToRooms(emitter, rooms, 'alert:opened', { ...template, id: key, itemId: key });
  },
  { connection, prefix: bullmqPrefix(), concurrency: CONCURRENCY },
);
worker.on('error', (error) => console.error(`bare worker: ${error.message}`));
await worker.waitUntilReady();
console.log('bare worker ready');

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 5_000).unref();
  await worker.close();
  connection.disconnect();
  emitterConnection.disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
