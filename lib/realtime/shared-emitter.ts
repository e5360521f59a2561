// The web process's emitter, for route handlers that change alerts (acknowledge, resolve): one Redis
// connection per process, created on first use.
//
// Fire and forget, on a fail-fast connection: a route emits after its change has committed, so a push that
// cannot be sent must neither hold the answer (a BullMQ-style connection would queue it for the whole Redis
// outage, in memory) nor fail it (the change is done). A push lost here is not lost to the browser: once
// Redis is back, every web process ends its sockets (lib/realtime/socket-server.ts), and each client catches
// up with alerts:sync as it reconnects; the wall merges by id.
import type { Redis } from 'ioredis';
import { log } from '../log';
import { createRedis, whenRedisReady } from '../redis/connection';
import { createEmitter, type RealtimeEmitter } from './emit';

const globalRef = globalThis as unknown as { __dwEmitter?: { emitter: RealtimeEmitter; connection: Redis } };

export function sharedEmitter(): RealtimeEmitter {
  if (!globalRef.__dwEmitter) {
    const connection = createRedis();
    connection.on('error', () => {});
    // the emitter publishes without awaiting: a rejected publish would be an unhandled rejection. The first
    // push of a process waits for the connection it has just opened.
    const publisher = {
      publish: (channel: string, message: string | Buffer) =>
        whenRedisReady(connection)
          .then(() => connection.publish(channel, message))
          .catch((error: Error) => {
            log.warn({ err: error.message }, 'realtime push dropped (redis unavailable)');
            return 0;
          }),
    };
    globalRef.__dwEmitter = { emitter: createEmitter(publisher), connection };
  }
  return globalRef.__dwEmitter.emitter;
}

export function closeSharedEmitter(): void {
  globalRef.__dwEmitter?.connection.disconnect();
  globalRef.__dwEmitter = undefined;
}
