'use client';

// Subscriptions to the one socket of realtime-provider.tsx: each hook registers its listener on mount and
// removes exactly that listener (`off`) on cleanup; the latest handler is always the one called.
import { useContext, useEffect, useRef } from 'react';
import type { ServerToClientEvents } from '../../lib/realtime/events';
import { RealtimeContext, type RealtimeSocket, type RealtimeValue } from './realtime-provider';

export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}

function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/** Calls `handler` for every `event` the server pushes while the component is mounted. */
export function useRealtimeEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const { socket } = useRealtime();
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: Parameters<ServerToClientEvents[E]>) => void)(...args)) as ServerToClientEvents[E];
    // socket.io-client's typed overloads do not narrow a generic event name; the pair stays matched here
    const typed = socket as unknown as { on: (e: E, l: typeof listener) => void; off: (e: E, l: typeof listener) => void };
    typed.on(event, listener);
    return () => typed.off(event, listener);
  }, [socket, event, latest]);
}

/**
 * Calls `handler` with the socket each time it connects — the first time and after every reconnect, and at
 * once when it is connected already: where a page catches up (`alerts:sync`).
 */
export function useRealtimeConnect(handler: (socket: RealtimeSocket) => void): void {
  const { socket } = useRealtime();
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const listener = () => latest.current(socket);
    socket.on('connect', listener);
    if (socket.connected) listener();
    return () => {
      socket.off('connect', listener);
    };
  }, [socket, latest]);
}

/** Calls `handler` with the socket every `intervalMs` while it is connected (a page's periodic catch-up). */
export function useRealtimeInterval(handler: (socket: RealtimeSocket) => void, intervalMs: number): void {
  const { socket } = useRealtime();
  const latest = useLatest(handler);
  useEffect(() => {
    if (!socket) return;
    const timer = setInterval(() => {
      if (socket.connected) latest.current(socket);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [socket, latest, intervalMs]);
}
