// The one way a session's end reaches its live sockets (DESIGN §2: sign-out, expiry, deactivation, a new
// password, a change of role or region end the sockets on every web process at once). Call it after the
// revocation has committed in Postgres (revokeSession, revokeUserSessions, or the action's own transaction):
// Postgres is the truth, this only makes the sockets notice now instead of at their next re-check.
//
// It publishes through the Redis emitter, so every web process's adapter — the caller's own included —
// sends `session:ended` and disconnects the sockets in the session's or user's room, within a round trip.
// If Redis is down at that moment the message is lost or late, and the revocation still stands: each web
// process re-checks its sockets' sessions every SESSION_RECHECK_MS (lib/realtime/socket-sessions.ts) and
// every socket request checks the session first, so such a socket ends at its next re-check and meanwhile
// gets nothing it asks for.
//
// A change of a user's role or region (PATCH /api/v1/admin/users/:id, changeUserAssignment) does the same:
// it revokes the user's sessions in its transaction (revokeUserSessions), then the route calls
// `endSessionSockets(emitter, { userId }, 'scope_changed')`; the socket's rooms were chosen by the old scope
// and a new sign-in picks the new one. Were a change to skip that, the re-check still ends the socket, since
// it compares the scope.
import type { RealtimeEmitter } from './emit';
import type { SessionEndReason } from './events';
import { sessionRoom, userRoom } from './rooms';

/** One session (by the SHA-256 of its token, see hashSessionToken) or every session of a user. */
export type EndedSessions = { tokenHash: string } | { userId: number };

export function endSessionSockets(emitter: RealtimeEmitter, ended: EndedSessions, reason: SessionEndReason): void {
  const room = 'tokenHash' in ended ? sessionRoom(ended.tokenHash) : userRoom(ended.userId);
  // one connection publishes both, so every adapter receives the event before the disconnect
  emitter.to(room).emit('session:ended', { reason });
  emitter.in(room).disconnectSockets(true);
}
