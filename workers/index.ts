// npm run workers [-- <queue>]: starts every queue's worker, or only the named one.
import { closeSql } from '../lib/db/sql';
import { ConfigError, getEnv } from '../lib/env';
import { createRedis } from '../lib/redis/connection';

try {
  getEnv();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const { log } = await import('../lib/log');
const { startMaintenanceWorker } = await import('./maintenance');

const starters: Record<string, typeof startMaintenanceWorker> = {
  maintenance: startMaintenanceWorker,
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in starters));
if (unknown.length > 0) {
  console.error(`未知队列 / unknown queue: ${unknown.join(', ')} (可用 / available: ${Object.keys(starters).join(', ')})`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(starters);

const connection = createRedis({ forBullmq: true });
connection.on('error', (error) => log.warn({ err: error.message }, 'workers redis'));
const running = await Promise.all(names.map((name) => starters[name]!(connection)));
log.info({ queues: names }, 'workers started');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'workers shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await Promise.allSettled(running.map((worker) => worker.close()));
  connection.disconnect();
  await closeSql();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
