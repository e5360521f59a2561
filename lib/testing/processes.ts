// Real worker processes for integration tests, started with `node --import tsx` so one pid owns each.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startWorkerProcess(env: NodeJS.ProcessEnv, queues: string[] = []): Promise<RunningProcess> {
  const child = spawn('node', ['--import', 'tsx', 'workers/index.ts', ...queues], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workers did not start:\n${output}`)), 30_000);
    const poll = setInterval(() => {
      if (output.includes('workers started')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`workers exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
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
