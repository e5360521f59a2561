// Polling for what another process pushes; free of the application's modules, so a test can import it
// before it sets the environment those modules read.

/** Resolves once `predicate` holds, polling; fails with `what` after the timeout. */
export async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
