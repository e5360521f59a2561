'use client';

// The browser's one socket (DESIGN §2, STYLE rule 8): same origin, the session cookie, typed with the event
// map of lib/realtime/events.ts. Pages subscribe through use-realtime.ts. A provider inside another reuses
// the outer socket, so the provider can move up to the dashboard layout without a second connection.
//
// When the session ends (signed out in another tab, expired, deactivated, a new password) the server says
// `session:ended` and closes the socket, or refuses it on reconnect: the page says 登录已失效 and goes to
// /login, which brings the user back here after signing in.
import { io, type Socket } from 'socket.io-client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loginPath } from '../../lib/auth/safe-next-path';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/realtime/events';
import { SessionEndedNotice } from './session-ended-notice';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * connecting: first attempt; connected; reconnecting: the connection dropped and the client retries;
 * signedOut: the session ended (signed out elsewhere, expired, deactivated); the page is leaving for /login.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'signedOut';

export interface RealtimeValue {
  socket: RealtimeSocket | null;
  status: ConnectionStatus;
  /** When the connection dropped (the browser's clock, ms), while reconnecting; null otherwise. */
  disconnectedAt: number | null;
}

export const RealtimeContext = createContext<RealtimeValue | null>(null);

// long enough to read 登录已失效 before the login page replaces this one
const SIGNED_OUT_REDIRECT_MS = 2_000;
// the server could not check the session (its database was away): socket.io gives up then, so try again
const UNAVAILABLE_RETRY_MS = 5_000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const outer = useContext(RealtimeContext);
  if (outer) return <>{children}</>;
  return <RealtimeConnection>{children}</RealtimeConnection>;
}

function RealtimeConnection({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<RealtimeValue>({ socket: null, status: 'connecting', disconnectedAt: null });

  useEffect(() => {
    const socket: RealtimeSocket = io({ withCredentials: true, reconnectionDelayMax: 10_000 });
    let retry: ReturnType<typeof setTimeout> | undefined;
    let leave: ReturnType<typeof setTimeout> | undefined;
    let isEnded = false;
    let hasConnected = false;
    let disconnectedAt: number | null = null;
    const set = (status: ConnectionStatus) => setValue({ socket, status, disconnectedAt: status === 'reconnecting' ? disconnectedAt : null });
    const dropped = () => {
      disconnectedAt ??= Date.now();
      set('reconnecting');
    };

    const endSession = () => {
      if (isEnded) return;
      isEnded = true;
      clearTimeout(retry);
      socket.disconnect();
      set('signedOut');
      leave = setTimeout(() => {
        window.location.assign(loginPath(window.location.pathname + window.location.search, { isSessionEnded: true }));
      }, SIGNED_OUT_REDIRECT_MS);
    };

    socket.on('connect', () => {
      hasConnected = true;
      disconnectedAt = null;
      set('connected');
    });
    socket.on('session:ended', endSession);
    socket.on('disconnect', (reason) => {
      if (isEnded) return;
      dropped();
      // the server closed it on purpose (a restart, or a session that ended without our hearing why): come
      // back by ourselves, and the handshake tells which
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (isEnded) return;
      // inactive: the server refused the handshake, and socket.io does not retry by itself
      if (!socket.active) {
        if (error.message === 'unauthenticated') return endSession();
        clearTimeout(retry);
        retry = setTimeout(() => socket.connect(), UNAVAILABLE_RETRY_MS);
      }
      if (hasConnected) dropped();
    });
    // the network is back: try now rather than at the end of the current back-off (up to 10 s)
    const online = () => {
      if (isEnded || socket.connected) return;
      socket.disconnect().connect();
    };
    window.addEventListener('online', online);
    set('connecting');

    return () => {
      clearTimeout(retry);
      clearTimeout(leave);
      window.removeEventListener('online', online);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return (
    <RealtimeContext.Provider value={value}>
      {children}
      {value.status === 'signedOut' && <SessionEndedNotice />}
    </RealtimeContext.Provider>
  );
}
