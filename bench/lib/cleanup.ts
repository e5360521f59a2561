// Everything a run creates registers how to undo it here: processes, databases, Redis keys, sockets.
// Undone last-in first-out at the end, on an error, and on SIGINT/SIGTERM, so a run leaves nothing behind.

type Undo = { label: string; run: () => Promise<void> | void };

const stack: Undo[] = [];
let running: Promise<void> | null = null;

/** Registers an undo step; returns a function that runs it now (and removes it from the stack). */
export function onCleanup(label: string, run: () => Promise<void> | void): () => Promise<void> {
  const entry: Undo = { label, run };
  stack.push(entry);
  return async () => {
    const index = stack.indexOf(entry);
    if (index === -1) return;
    stack.splice(index, 1);
    await entry.run();
  };
}

/** Runs every registered step, newest first; each gets a bounded time and a failure does not stop the rest. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (stack.length > 0) {
      const entry = stack.pop()!;
      try {
        await Promise.race([
          Promise.resolve().then(entry.run),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 20_000).unref()),
        ]);
      } catch (error) {
        console.error(`cleanup "${entry.label}" failed: ${(error as Error).message}`);
      }
    }
  })();
  return running;
}

let installed = false;

/** On SIGINT/SIGTERM: clean up, then exit. */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
