'use client';

// The browser's one socket (DESIGN §2, STYLE rule 8): same origin, the session cookie, typed with the event
// map of lib/realtime/events.ts. Pages subscribe through use-realtime.ts. A provider inside another reuses
// the outer socket, so the provider can move up to the dashboard layout without a second connection.
import { io, type Socket } from 'socket.io-client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/realtime/events';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * connecting: first attempt; connected; reconnecting: the connection dropped and the client retries;
 * signedOut: the server refused the session (expired or logged out elsewhere).
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'signedOut';

export interface RealtimeValue {
  socket: RealtimeSocket | null;
  status: ConnectionStatus;
}

export const RealtimeContext = createContext<RealtimeValue | null>(null);

// after the server refuses a session, socket.io stops retrying: look again now and then, in case the user
// signs in again in another tab
const SIGNED_OUT_RETRY_MS = 15_000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const outer = useContext(RealtimeContext);
  if (outer) return <>{children}</>;
  return <RealtimeConnection>{children}</RealtimeConnection>;
}

function RealtimeConnection({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<RealtimeValue>({ socket: null, status: 'connecting' });

  useEffect(() => {
    const socket: RealtimeSocket = io({ withCredentials: true, reconnectionDelayMax: 10_000 });
    let retry: ReturnType<typeof setTimeout> | undefined;
    const set = (status: ConnectionStatus) => setValue({ socket, status });

    socket.on('connect', () => set('connected'));
    socket.on('disconnect', (reason) => {
      set('reconnecting');
      // the server closed it on purpose (e.g. a restart): socket.io does not come back by itself then
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (socket.active) return set('reconnecting');
      set(error.message === 'unauthenticated' ? 'signedOut' : 'reconnecting');
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), SIGNED_OUT_RETRY_MS);
    });
    set('connecting');

    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
