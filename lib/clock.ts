// The application's clock. Every stored timestamp and every threshold reads it, never SQL now(), so tests
// can move time for every process at once: the offset lives in Redis and each process that calls
// startClockSync() follows it through pub/sub. Without ALLOW_CLOCK_CONTROL the offset is never read.
import type { Redis } from 'ioredis';

let offsetMs = 0;
const movedListeners = new Set<() => void>();

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

function setOffset(ms: number): void {
  if (ms === offsetMs) return;
  offsetMs = ms;
  for (const listener of movedListeners) listener();
}

/** In-process only; cross-process tests use setSharedClock. */
export function setClockOffset(ms: number): void {
  setOffset(ms);
}

/**
 * Calls `listener` whenever the offset changes, so a timer armed for an instant of the application's clock
 * (a session's expiry) can re-arm when tests move time. Returns the unsubscribe.
 */
export function onClockMoved(listener: () => void): () => void {
  movedListeners.add(listener);
  return () => movedListeners.delete(listener);
}

export const clockKey = (prefix: string) => `${prefix}clock:offset`;

function parseOffset(value: string | null): number {
  const parsed = Number(value ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** Follows the shared offset; resolves once the current value is read. `subscriber` becomes a subscriber. */
export async function startClockSync(command: Redis, subscriber: Redis, prefix: string): Promise<void> {
  const key = clockKey(prefix);
  subscriber.on('message', (channel, message) => {
    if (channel === key) setOffset(parseOffset(message));
  });
  await subscriber.subscribe(key);
  setOffset(parseOffset(await command.get(key)));
}

/** Moves every synced process's clock so that now() reads `to` (tests and the simulator only). */
export async function setSharedClock(command: Redis, prefix: string, to: Date | null): Promise<void> {
  const offset = to ? to.getTime() - Date.now() : 0;
  const key = clockKey(prefix);
  await command.set(key, String(offset));
  await command.publish(key, String(offset));
  setOffset(offset);
}
