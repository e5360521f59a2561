// The application's clock. Every threshold and timestamp reads it, never SQL now(), so that tests can
// move time for all processes at once (the offset lives in Redis once the engine needs it).
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Test hook for in-process use; cross-process movement arrives with the engine (issue 3). */
export function setClockOffset(ms: number): void {
  offsetMs = ms;
}
