// A second web process for integration tests, reduced to what server.ts gives a browser's socket: the same
// attachSocketServer on its own HTTP port, the Redis adapter, and the shared clock when ALLOW_CLOCK_CONTROL
// is set. Started by startSocketServerProcess (processes.ts); argv[2] is the session re-check interval (ms).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEnvOrExit, redisPrefix } from '../env';

const env = getEnvOrExit();
const { attachSocketServer } = await import('../realtime/socket-server');
const { startClockSync } = await import('../clock');
const { createRedis } = await import('../redis/connection');
const { closeSql } = await import('../db/sql');

const recheckMs = Number(process.argv[2]);
const httpServer = createServer();
const realtime = attachSocketServer(httpServer, Number.isFinite(recheckMs) && recheckMs > 0 ? { sessionRecheckMs: recheckMs } : {});
const clockClients = env.ALLOW_CLOCK_CONTROL ? [createRedis({ forBullmq: true }), createRedis({ forBullmq: true })] : [];
if (clockClients.length === 2) await startClockSync(clockClients[0]!, clockClients[1]!, redisPrefix());
await realtime.ready;
httpServer.listen(0, '127.0.0.1', () => {
  console.log(`socket server listening on ${(httpServer.address() as AddressInfo).port}`);
});

process.on('SIGTERM', () => {
  void (async () => {
    await realtime.close().catch(() => {});
    httpServer.close();
    for (const client of clockClients) client.disconnect();
    await closeSql();
    process.exit(0);
  })();
});
