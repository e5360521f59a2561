// Real worker processes (and a socket.io web process) for integration tests, started with `node --import tsx`
// so one pid owns each.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `script` and resolves once its output matches `ready` (with the match), or fails after 30 s. */
async function startProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<RunningProcess & { match: RegExpMatchArray }> {
  const child = spawn('node', ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 30_000);
    const poll = setInterval(() => {
      const found = output.match(ready);
      if (found) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(found);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    match,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        // stopped before (by a test, then again by its harness): the exit has happened, nothing to wait for
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function startWorkerProcess(env: NodeJS.ProcessEnv, queues: string[] = []): Promise<RunningProcess> {
  return startProcess('workers/index.ts', queues, env, /workers started/);
}

/**
 * Another web process's socket.io side (lib/testing/socket-server-process.ts), on a port of its own; its
 * sessions are re-checked every `sessionRecheckMs` (the product's interval when absent).
 */
export async function startSocketServerProcess(
  env: NodeJS.ProcessEnv,
  options: { sessionRecheckMs?: number } = {},
): Promise<RunningProcess & { url: string }> {
  const args = options.sessionRecheckMs ? [String(options.sessionRecheckMs)] : [];
  const running = await startProcess('lib/testing/socket-server-process.ts', args, env, /socket server listening on (\d+)/);
  return { ...running, url: `http://127.0.0.1:${running.match[1]}` };
}
