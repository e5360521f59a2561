// The web process's emitter, for route handlers that change alerts (acknowledge, resolve): one Redis
// connection per process, created on first use.
import { createRedis } from '../redis/connection';
import { createEmitter, type RealtimeEmitter } from './emit';

const globalRef = globalThis as unknown as { __dwEmitter?: RealtimeEmitter };

export function sharedEmitter(): RealtimeEmitter {
  if (!globalRef.__dwEmitter) {
    const connection = createRedis({ forBullmq: true });
    connection.on('error', () => {});
    globalRef.__dwEmitter = createEmitter(connection);
  }
  return globalRef.__dwEmitter;
}
