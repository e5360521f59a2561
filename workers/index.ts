// npm run workers [-- <queue> ...]: starts every queue's worker, or only the named ones.
import { closeSql, sql } from '../lib/db/sql';
import { getEnvOrExit, redisPrefix } from '../lib/env';
import { createRedis, quitRedis } from '../lib/redis/connection';

const env = getEnvOrExit();

const { log } = await import('../lib/log');
const { installFaultHandlers } = await import('../lib/process/install-fault-handlers');
installFaultHandlers(log);
const { startClockSync } = await import('../lib/clock');
const { createEmitter } = await import('../lib/realtime/emit');
const { startRelay } = await import('../lib/jobs/relay');
const { createJobSchedulers } = await import('../lib/jobs/job-schedulers');
const { startCheckWorker } = await import('./check');
const { startMaintenanceWorker } = await import('./maintenance');
const { startReevaluateWorker } = await import('./reevaluate');
const { startSweepWorker } = await import('./sweep');
const { startScoreWorker } = await import('./score');
const { startReportWorker } = await import('./report');
const { startSlaWorker } = await import('./sla');

const starters = {
  check: startCheckWorker,
  sweep: startSweepWorker,
  maintenance: startMaintenanceWorker,
  score: startScoreWorker,
  report: startReportWorker,
  sla: startSlaWorker,
  reevaluate: startReevaluateWorker,
} as const;
type QueueName = keyof typeof starters;
const isQueueName = (name: string): name is QueueName => name in starters;

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !isQueueName(name));
if (unknown.length > 0) {
  console.error(`未知队列 / unknown queue: ${unknown.join(', ')} (可用 / available: ${Object.keys(starters).join(', ')})`);
  process.exit(2);
}
const names: QueueName[] = requested.length > 0 ? requested.filter(isQueueName) : (Object.keys(starters) as QueueName[]);

const connection = createRedis({ forBullmq: true });
const emitterConnection = createRedis({ forBullmq: true });
const clockSubscriber = createRedis({ forBullmq: true });
for (const client of [connection, emitterConnection, clockSubscriber]) {
  client.on('error', (error) => log.warn({ err: error.message }, 'workers redis'));
}
if (env.ALLOW_CLOCK_CONTROL) await startClockSync(connection, clockSubscriber, redisPrefix());

// every worker process relays owed jobs from Postgres into BullMQ, on a connection that fails fast while
// Redis is away (the relay retries; an add must not wait out an outage)
const relayConnection = createRedis();
relayConnection.on('error', () => {});
const relay = startRelay({ sql, redis: relayConnection });
const schedulers = createJobSchedulers(connection);
const context = { connection, emitter: createEmitter(emitterConnection), schedulers };
const running = await Promise.all(names.map((name) => starters[name](context)));
await relay.ready;
log.info({ queues: names }, 'workers started');

// SIGTERM: each worker stops taking jobs and finishes the ones it holds (the check worker's batches among
// them: every job in a batch waits for its batch), then the connections close; all within 10 s, the usual
// grace period of a supervisor before SIGKILL. A job cut by the deadline or a SIGKILL is not lost: BullMQ
// hands a stalled job to another worker and every job is safe to run twice.
const STOP_DEADLINE_MS = 9_500;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'workers shutting down');
  const force = setTimeout(() => {
    log.error('workers shutdown took too long: exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS);
  force.unref();
  await Promise.allSettled([...running.map((worker) => worker.close()), relay.close(), schedulers.close()]);
  // quit, not disconnect: the last batch's pushes are still on their way to Redis
  await Promise.all([connection, emitterConnection, clockSubscriber].map((client) => quitRedis(client)));
  relayConnection.disconnect();
  await closeSql(1);
  log.info('workers stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
