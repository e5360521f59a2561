// socket.io on the web process's HTTP server, joined to every other web process by the Redis adapter.
// A socket is admitted only with a valid session cookie and joins the one room of its user's scope.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { z } from 'zod';
import { listAlertChangesSince } from '../alerts/queries';
import { readSessionToken } from '../auth/session-cookie';
import { getSessionUser } from '../auth/sessions';
import { scopeOf } from '../auth/scope';
import { sql } from '../db/sql';
import { getEnv } from '../env';
import { log } from '../log';
import { createRedis } from '../redis/connection';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './events';
import { socketChannelKey } from './emit';
import { roomForScope } from './rooms';

const syncRequestSchema = z.object({ afterSeq: z.number().int().min(0) });

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface AttachedSocketServer {
  io: RealtimeServer;
  /**
   * Settles once the adapter's subscriptions are in place, so what workers emit from then on reaches this
   * process's sockets: the adapter queues its (P)SUBSCRIBE when constructed, and a PING queued behind them on
   * the same connection is answered only after them.
   */
  ready: Promise<void>;
  close: () => Promise<void>;
}

export function attachSocketServer(httpServer: HttpServer): AttachedSocketServer {
  const pub = createRedis({ forBullmq: true });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error) => log.warn({ err: error.message }, 'socket.io redis'));

  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // in development Next.js's own hot-reload websocket shares this server: leave upgrades we don't own alone
    destroyUpgrade: getEnv().NODE_ENV === 'production',
    adapter: createAdapter(pub, sub, { key: socketChannelKey() }),
  });

  io.use(async (socket, nextMiddleware) => {
    try {
      const token = readSessionToken(socket.handshake.headers.cookie);
      const session = token ? await getSessionUser(sql, token) : null;
      if (!session) return nextMiddleware(new Error('unauthenticated'));
      const scope = scopeOf(session.user);
      const room = roomForScope(scope);
      socket.data = { scope, rooms: [room] };
      await socket.join(room);
      nextMiddleware();
    } catch (error) {
      log.error({ err: (error as Error).message }, 'socket auth failed');
      nextMiddleware(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    socket.on('alerts:sync', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success) return ack({ alerts: [] });
      try {
        ack({ alerts: await listAlertChangesSince(sql, socket.data.scope, parsed.data.afterSeq) });
      } catch (error) {
        log.error({ err: (error as Error).message }, 'alerts:sync failed');
        ack({ alerts: [] });
      }
    });
  });

  // While Redis was away this process heard no push from workers or other web processes, and its sockets,
  // still connected, would never learn what they missed. Each time the adapter has subscribed again, end their
  // transports: every client reconnects (here or to another process) and catches up with alerts:sync, as on
  // any reconnect. ioredis emits 'ready' before it resubscribes; the PING queued after that answers once the
  // subscriptions are back. (At start no socket is connected yet: nothing to end.)
  sub.on('ready', () => {
    setImmediate(() => {
      sub.ping().then(
        () => {
          const sockets = [...io.of('/').sockets.values()];
          if (sockets.length === 0) return;
          log.warn({ sockets: sockets.length }, 'redis is back: sockets reconnect to catch up');
          for (const socket of sockets) socket.conn.close();
        },
        () => {},
      );
    });
  });

  const ready = sub.ping().then(() => undefined);
  // server.ts does not wait for it (a web process with a broken Redis still answers /api/health): a PING
  // still queued when the connection closes must not end that process as an unhandled rejection
  ready.catch(() => {});
  return {
    io,
    ready,
    close: async () => {
      await io.close();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
