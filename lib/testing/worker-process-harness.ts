// One world per integration test file that runs real worker processes: a database and Redis prefix of its
// own (the workers sweep everything they find), the shared clock, worker processes, a socket.io server and
// recording clients, all taken down again by close().
import type { Redis } from 'ioredis';
import type { Sql } from '../db/sql';
import type { EngineFixture } from './engine-fixture';
import { startSocketServerProcess, startWorkerProcess, type RunningProcess } from './processes';
import type { RecordingClient } from './socket-harness';
import { createTestDatabase, deleteRedisPrefix } from './test-database';

export interface WorkerProcessHarness {
  sql: Sql;
  createFixture: () => Promise<EngineFixture>;
  /** Moves the clock of this process and of every worker process. */
  moveClock: (to: Date) => Promise<void>;
  /** Worker processes for `queues` (all of them when empty), stopped by close() if not before. */
  startWorkers: (queues?: string[]) => Promise<RunningProcess>;
  startSocketServer: () => Promise<void>;
  /** A client of the socket server signed in with `token`, disconnected by close(). */
  connect: (token: string | null) => Promise<RecordingClient>;
  /** A second web process (its socket.io side) in a process of its own, stopped by close(); its URL. */
  startSocketServerProcess: (options?: { sessionRecheckMs?: number }) => Promise<string>;
  /** A client of the socket server at `url` (e.g. a second web process), disconnected by close(). */
  connectTo: (url: string, token: string | null) => Promise<RecordingClient>;
  /** A further BullMQ-ready Redis connection, disconnected by close(). */
  createRedis: () => Redis;
  close: () => Promise<void>;
}

/**
 * Creates and migrates the file's database and points this process's environment at it. The application's
 * modules parse the environment once and keep it (lib/log.ts as soon as it is imported), so the harness
 * imports them only after that, and so must the test: its own imports of them belong after this resolves.
 */
export async function openWorkerProcessHarness(label: string): Promise<WorkerProcessHarness> {
  const db = await createTestDatabase(label);
  Object.assign(process.env, {
    DATABASE_URL: db.appUrl,
    DATABASE_ADMIN_URL: db.adminUrl,
    REDIS_PREFIX: db.redisPrefix,
    ALLOW_CLOCK_CONTROL: 'true',
  });
  const [sqlModule, clock, connection, producer, sockets, engineFixture] = await Promise.all([
    import('../db/sql'),
    import('../clock'),
    import('../redis/connection'),
    import('../jobs/producer'),
    import('./socket-harness'),
    import('./engine-fixture'),
  ]).catch(async (error: unknown) => {
    await db.drop();
    throw error;
  });

  const connections: Redis[] = [];
  const workers: RunningProcess[] = [];
  const clients: RecordingClient[] = [];
  let socketServer: { url: string; close: () => Promise<void> } | undefined;

  const createRedis = () => {
    const redis = connection.createRedis({ forBullmq: true });
    // fault tests stop Redis under it: each reconnect attempt is expected, not an unhandled error event
    redis.on('error', () => {});
    connections.push(redis);
    return redis;
  };
  const clockRedis = createRedis();
  // a test may stop its private Redis: errors surface on the calls that fail
  clockRedis.on('error', () => {});

  return {
    sql: sqlModule.sql,
    createFixture: () => engineFixture.createEngineFixture(sqlModule.sql),
    moveClock: (to) => clock.setSharedClock(clockRedis, db.redisPrefix, to),
    startWorkers: async (queues = []) => {
      const running = await startWorkerProcess(process.env, queues);
      workers.push(running);
      return running;
    },
    startSocketServer: async () => {
      socketServer = await sockets.startSocketServer();
    },
    connect: async (token) => {
      if (!socketServer) throw new Error('startSocketServer() first');
      const client = await sockets.connectClient(socketServer.url, token);
      clients.push(client);
      return client;
    },
    startSocketServerProcess: async (options) => {
      const running = await startSocketServerProcess(process.env, options);
      workers.push(running);
      return running.url;
    },
    connectTo: async (url, token) => {
      const client = await sockets.connectClient(url, token);
      clients.push(client);
      return client;
    },
    createRedis,
    close: async () => {
      for (const client of clients) client.close();
      for (const running of workers) await running.stop();
      await socketServer?.close();
      await producer.closeQueues();
      for (const redis of connections) redis.disconnect();
      await sqlModule.closeSql();
      await db.drop();
      await deleteRedisPrefix(db.redisPrefix);
    },
  };
}
