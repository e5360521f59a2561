// socket.io clients that sign in with a session cookie and time what they receive. Each has its own
// connection (forceNew: true — without it every io(url) shares one, STACK.md) and keeps only a key and a
// time per event, not the payload, so 100 clients × thousands of alerts stay small.
import { io as connect, type Socket } from 'socket.io-client';
import type { Alert } from '../../lib/alerts/alert';
import { SESSION_COOKIE_NAME } from '../../lib/auth/session-cookie';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/realtime/events';
import { onCleanup } from './cleanup';
import { wallNow } from './stats';

export type AlertEvent = 'alert:opened' | 'alert:updated';
export type AlertListener = (event: AlertEvent, alert: Alert, receivedAt: number, client: number) => void;

export interface ClientPool {
  size: number;
  /** Replaces the listener every client reports to (one benchmark at a time). */
  listen: (listener: AlertListener | null) => void;
  close: () => Promise<void>;
}

async function connectOne(url: string, token: string, index: number, dispatch: AlertListener) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { cookie: `${SESSION_COOKIE_NAME}=${token}` },
  });
  socket.on('alert:opened', (alert) => dispatch('alert:opened', alert, wallNow(), index));
  socket.on('alert:updated', (alert) => dispatch('alert:updated', alert, wallNow(), index));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${index} did not connect`)), 15_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return socket;
}

/** `tokens[i]` is client i's session; connected a few at a time so the handshakes do not pile up. */
export async function connectClients(url: string, tokens: readonly string[]): Promise<ClientPool> {
  let listener: AlertListener | null = null;
  const dispatch: AlertListener = (event, alert, at, client) => listener?.(event, alert, at, client);
  const sockets: Socket[] = [];
  const close = async () => {
    for (const socket of sockets) socket.disconnect();
    sockets.length = 0;
  };
  const unregister = onCleanup(`${tokens.length} socket clients`, close);
  for (let i = 0; i < tokens.length; i += 10) {
    const batch = tokens.slice(i, i + 10).map((token, j) => connectOne(url, token, i + j, dispatch));
    sockets.push(...(await Promise.all(batch)));
  }
  return {
    size: sockets.length,
    listen: (next) => {
      listener = next;
    },
    close: unregister,
  };
}
