// Workers (and web route handlers) push to browsers through Redis; the web processes' socket.io Redis
// adapter delivers to the sockets in the rooms. Emit only after the change has committed.
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { redisPrefix } from '../env';
import type { ServerToClientEvents } from './events';

export type RealtimeEmitter = Emitter<ServerToClientEvents>;

/** Must match the adapter key of lib/realtime/socket-server.ts. */
export const socketChannelKey = () => `${redisPrefix()}socket.io`;

/** The emitter only ever publishes: a connection, or a wrapper that decides what a failed publish means. */
export function createEmitter(redis: Pick<Redis, 'publish'>): RealtimeEmitter {
  return new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey() });
}

export function emitToRooms<E extends keyof ServerToClientEvents>(
  emitter: RealtimeEmitter,
  rooms: string[],
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  if (rooms.length === 0) return;
  emitter.to(rooms).emit(event, ...args);
}
