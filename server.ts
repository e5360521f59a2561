// One web process: Next.js and socket.io on one HTTP port (DESIGN §2).
import { createServer } from 'node:http';
import next from 'next';
import { CLIENT_ADDRESS_HEADER } from './lib/auth/client-address';
import { closeSql } from './lib/db/sql';
import { getEnvOrExit, redisPrefix } from './lib/env';
import { closeHttpServer } from './lib/http/close-http-server';
import { closeRedis } from './lib/redis/connection';

const env = getEnvOrExit();

const { log } = await import('./lib/log');
const { installFaultHandlers } = await import('./lib/process/install-fault-handlers');
installFaultHandlers(log);
const { closeSharedEmitter } = await import('./lib/realtime/shared-emitter');
const { attachSocketServer } = await import('./lib/realtime/socket-server');
const { isApiKeyIngest, serveApiKeyIngest } = await import('./lib/http/ingest-fast-path');
const { isApiRequest, jsonMethodNotAllowed } = await import('./lib/http/json-method-not-allowed');

const dev = env.NODE_ENV !== 'production';
const httpServer = createServer();
const app = next({ dev, hostname: env.HOST, port: env.PORT, httpServer });
const handle = app.getRequestHandler();
await app.prepare();

httpServer.on('request', (req, res) => {
  // socket.io answers its own path on the same server
  if (req.url?.startsWith('/socket.io/')) return;
  // departments' CMSs posting items with an API key: answered by lib/ directly (ingest-fast-path.ts)
  if (isApiKeyIngest(req)) return void serveApiKeyIngest(req, res);
  // the peer address for per-address limits; overwritten on every request so a client cannot forge it
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
  // Next.js's own 405 (a method the route does not export) is empty: the contract wants JSON under /api
  if (isApiRequest(req)) jsonMethodNotAllowed(req, res);
  void handle(req, res);
});
const realtime = attachSocketServer(httpServer);
if (env.ALLOW_CLOCK_CONTROL) {
  const { startClockSync } = await import('./lib/clock');
  const { createRedis } = await import('./lib/redis/connection');
  const [command, subscriber] = [createRedis({ forBullmq: true }), createRedis({ forBullmq: true })];
  for (const client of [command, subscriber]) client.on('error', () => {});
  await startClockSync(command, subscriber, redisPrefix());
}

httpServer.on('error', (error: NodeJS.ErrnoException) => {
  log.fatal({ err: error.message }, error.code === 'EADDRINUSE' ? `端口 ${env.PORT} 已被占用 / port in use` : 'server error');
  process.exit(1);
});
httpServer.listen(env.PORT, env.HOST, () => {
  log.info({ port: env.PORT, mode: dev ? 'development' : 'production' }, `listening on http://127.0.0.1:${env.PORT}`);
});

// SIGTERM: stop accepting, finish the requests in flight, close the sockets (their clients see the transport
// close and reconnect, to another web process behind the proxy), then the pools; all within 10 s, the usual
// grace period of a supervisor before it sends SIGKILL.
const REQUEST_GRACE_MS = 7_000;
const STOP_DEADLINE_MS = 9_500;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    log.error('shutdown took too long: exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS);
  force.unref();
  const drained = closeHttpServer(httpServer, REQUEST_GRACE_MS);
  // without the socket.io packet that would tell clients not to come back (io.close() ends transports only)
  await realtime.close().catch(() => {});
  const { forced } = await drained;
  if (forced) log.warn('requests still running at the deadline were cut');
  await Promise.allSettled([closeSql(1), closeRedis(), app.close?.()]);
  closeSharedEmitter();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
