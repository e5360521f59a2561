// An HTTP server carrying only the socket.io side of server.ts, and clients that sign in with a session
// cookie and record what they receive.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { Alert } from '../alerts/alert';
import { SESSION_COOKIE_NAME } from '../auth/session-cookie';
import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/events';
import { attachSocketServer } from '../realtime/socket-server';

export interface RecordingClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  received: { event: 'alert:opened' | 'alert:updated'; alert: Alert }[];
  close: () => void;
}

export async function startSocketServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const httpServer: Server = createServer();
  const realtime = attachSocketServer(httpServer);
  await realtime.ready;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await realtime.close();
      httpServer.close();
    },
  };
}

export async function connectClient(url: string, token: string | null): Promise<RecordingClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: token ? { cookie: `${SESSION_COOKIE_NAME}=${token}` } : {},
  });
  const received: RecordingClient['received'] = [];
  socket.on('alert:opened', (alert) => received.push({ event: 'alert:opened', alert }));
  socket.on('alert:updated', (alert) => received.push({ event: 'alert:updated', alert }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return { socket, received, close: () => socket.disconnect() };
}
