// A socket lives no longer than the session it was admitted with. Three things end it, in one web process:
// - its session's expires_at passing (a timer per socket on the application's clock, re-armed when tests
//   move that clock);
// - a request (alerts:sync) finding the session gone: the request is refused and the socket ended, so a
//   socket that missed its disconnect message gets nothing;
// - a re-check of every socket's session every SESSION_RECHECK_MS (one query per process), which heals a
//   missed message (Redis was down at sign-out) and a change of role or region made without one.
// The message itself comes from lib/realtime/end-sessions.ts through the Redis adapter.
import type { Socket } from 'socket.io';
import { getSessionUser, findLiveSessions } from '../auth/sessions';
import type { Scope } from '../auth/scope';
import { scopeOf } from '../auth/scope';
import { readSessionToken } from '../auth/session-cookie';
import { now, onClockMoved } from '../clock';
import { sql } from '../db/sql';
import { log } from '../log';
import type { ClientToServerEvents, ServerToClientEvents, SessionEndReason, SocketData, SocketRequestError } from './events';

export const SESSION_RECHECK_MS = 30_000;
// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer wait re-arms when it fires
const MAX_TIMER_MS = 2 ** 31 - 1;

export const SESSION_ENDED_ERROR: SocketRequestError = { code: 'unauthenticated', message: '登录已失效，请重新登录' };

type GuardedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Tells the browser why, then closes the connection (the browser then goes to /login). */
export function endSocket(socket: GuardedSocket, reason: SessionEndReason): void {
  if (socket.disconnected) return;
  log.info({ reason, userId: socket.data.scope.userId }, 'socket session ended');
  socket.emit('session:ended', { reason });
  socket.disconnect(true);
}

/** Sockets are scoped by these; any change means the socket's rooms are wrong and it must start over. */
function isSameScope(a: Scope, b: Scope): boolean {
  return a.userId === b.userId && a.role === b.role && a.regionPath === b.regionPath && a.departmentId === b.departmentId;
}

const goneReason = (socket: GuardedSocket): SessionEndReason =>
  socket.data.session.expiresAt.getTime() <= now().getTime() ? 'expired' : 'revoked';

export interface SessionGuard {
  /** Starts watching an admitted socket (its expiry timer); stops by itself when the socket disconnects. */
  watch: (socket: GuardedSocket) => void;
  /**
   * The socket's scope as its session stands now, or why it ended: then the caller answers the request with
   * SESSION_ENDED_ERROR and ends the socket (endSocket) after the answer. A database failure throws.
   */
  check: (socket: GuardedSocket) => Promise<{ scope: Scope } | { ended: SessionEndReason }>;
  close: () => void;
}

export function guardSessions(sockets: () => Iterable<GuardedSocket>, options: { recheckMs?: number } = {}): SessionGuard {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const arm = (socket: GuardedSocket) => {
    clearTimeout(timers.get(socket.id));
    timers.delete(socket.id);
    if (socket.disconnected) return;
    const remaining = socket.data.session.expiresAt.getTime() - now().getTime();
    if (remaining <= 0) return endSocket(socket, 'expired');
    timers.set(
      socket.id,
      setTimeout(() => arm(socket), Math.min(remaining, MAX_TIMER_MS)),
    );
  };

  const stopClockWatch = onClockMoved(() => {
    for (const socket of sockets()) arm(socket);
  });

  let isRechecking = false;
  const recheck = async () => {
    if (isRechecking) return;
    isRechecking = true;
    try {
      const current = [...sockets()];
      if (current.length === 0) return;
      const live = await findLiveSessions(sql, [...new Set(current.map((socket) => socket.data.session.tokenHash))]);
      for (const socket of current) {
        const found = live.get(socket.data.session.tokenHash);
        if (!found) {
          endSocket(socket, goneReason(socket));
        } else if (!isSameScope(scopeOf(found.user), socket.data.scope)) {
          endSocket(socket, 'scope_changed');
        } else if (found.session.expiresAt.getTime() !== socket.data.session.expiresAt.getTime()) {
          socket.data.session.expiresAt = found.session.expiresAt;
          arm(socket);
        }
      }
    } catch (error) {
      // Postgres away: the sockets stay until it answers again (their sessions may well be fine)
      log.warn({ err: (error as Error).message }, 'socket session re-check failed');
    } finally {
      isRechecking = false;
    }
  };
  const interval = setInterval(() => void recheck(), options.recheckMs ?? SESSION_RECHECK_MS);
  interval.unref();

  return {
    watch: (socket) => {
      arm(socket);
      socket.on('disconnect', () => {
        clearTimeout(timers.get(socket.id));
        timers.delete(socket.id);
      });
    },
    check: async (socket) => {
      const found = await getSessionUser(sql, readSessionToken(socket.handshake.headers.cookie));
      if (!found) return { ended: goneReason(socket) };
      const scope = scopeOf(found.user);
      return isSameScope(scope, socket.data.scope) ? { scope } : { ended: 'scope_changed' };
    },
    close: () => {
      clearInterval(interval);
      stopClockWatch();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
