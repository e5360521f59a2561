// socket.io on the web process's HTTP server, joined to every other web process by the Redis adapter.
// A socket is admitted only with a valid session cookie and joins the one room of its user's scope, plus
// the rooms of its session and user through which a session's end reaches it (lib/realtime/end-sessions.ts);
// it lives no longer than that session (lib/realtime/socket-sessions.ts).
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { z } from 'zod';
import { listAlertChangesSince } from '../alerts/queries';
import { readSessionToken } from '../auth/session-cookie';
import { getSessionUser, hashSessionToken } from '../auth/sessions';
import { scopeOf } from '../auth/scope';
import { sql } from '../db/sql';
import { getEnv } from '../env';
import { log } from '../log';
import { createRedis } from '../redis/connection';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './events';
import { socketChannelKey } from './emit';
import { roomForScope, sessionRoom, userRoom } from './rooms';
import { endSocket, guardSessions, SESSION_ENDED_ERROR } from './socket-sessions';

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

export interface SocketServerOptions {
  /** How often every socket's session is re-checked (tests shorten it); SESSION_RECHECK_MS by default. */
  sessionRecheckMs?: number;
}

export function attachSocketServer(httpServer: HttpServer, options: SocketServerOptions = {}): AttachedSocketServer {
  const pub = createRedis({ forBullmq: true });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error) => log.warn({ err: error.message }, 'socket.io redis'));

  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // in development Next.js's own hot-reload websocket shares this server: leave upgrades we don't own alone
    destroyUpgrade: getEnv().NODE_ENV === 'production',
    adapter: createAdapter(pub, sub, { key: socketChannelKey() }),
  });

  const guard = guardSessions(() => io.sockets.sockets.values(), { recheckMs: options.sessionRecheckMs });

  io.use(async (socket, nextMiddleware) => {
    try {
      const token = readSessionToken(socket.handshake.headers.cookie);
      const session = token ? await getSessionUser(sql, token) : null;
      if (!token || !session) return nextMiddleware(new Error('unauthenticated'));
      const scope = scopeOf(session.user);
      const tokenHash = hashSessionToken(token);
      const rooms = [roomForScope(scope), sessionRoom(tokenHash), userRoom(scope.userId)];
      socket.data = { scope, rooms, session: { tokenHash, expiresAt: session.session.expiresAt } };
      await socket.join(rooms);
      nextMiddleware();
    } catch (error) {
      log.error({ err: (error as Error).message }, 'socket auth failed');
      nextMiddleware(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    guard.watch(socket);
    socket.on('alerts:sync', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success) return ack({ alerts: [] });
      try {
        // the session as it stands now, not as it stood at connect: a revoked one gets nothing
        const session = await guard.check(socket);
        if ('ended' in session) {
          ack({ alerts: [], error: SESSION_ENDED_ERROR });
          return endSocket(socket, session.ended);
        }
        ack({ alerts: await listAlertChangesSince(sql, session.scope, parsed.data.afterSeq) });
      } catch (error) {
        log.error({ err: (error as Error).message }, 'alerts:sync failed');
        ack({ alerts: [], error: { code: 'unavailable', message: '实时同步暂时不可用' } });
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
      guard.close();
      await io.close();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
