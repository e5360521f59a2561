// One web or worker process of the chaos stack: `node --import tsx <entry>` (one pid owns it, STACK.md
// pitfall 4), its output appended to a log file, and the controls a fault needs: SIGKILL, start again with the
// same environment, and a count of the exits nobody asked for (a process that dies because a dependency went
// away is a finding of the suite, not a fault it injected).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type ProcessRole = 'web' | 'worker';

export interface ManagedProcess {
  name: string;
  role: ProcessRole;
  /** The web process's port (0 for workers). */
  port: number;
  pid: () => number | null;
  isAlive: () => boolean;
  start: () => Promise<void>;
  /** SIGKILL, as a crash would; resolves once it is gone. */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** Exits that no kill() or stop() of ours caused, with their time and code. */
  unplannedExits: () => { at: number; code: number | null; signal: string | null }[];
  logTail: (chars?: number) => Promise<string>;
}

const READY_TIMEOUT_MS = 120_000;
const living = new Set<ChildProcess>();
let exitHookInstalled = false;

// Children outlive a parent that exits without stopping them; this takes them along (not on SIGKILL of ours)
function track(child: ChildProcess): void {
  living.add(child);
  child.once('exit', () => living.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const running of living) running.kill('SIGKILL');
  });
}

function isRunning(child: ChildProcess | undefined): child is ChildProcess {
  return !!child && child.exitCode === null && child.signalCode === null;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (!isRunning(child)) return resolve();
    child.once('exit', () => resolve());
  });
}

export function createManagedProcess(options: {
  name: string;
  role: ProcessRole;
  port?: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /**
   * After an exit nobody asked for, start it again this much later, as a process manager (systemd's
   * Restart=on-failure) would; the exit still counts as unplanned.
   */
  restartAfterCrashMs?: number;
  /** Whether the started process serves yet (a web port answers, a worker logged that it started). */
  isReady: (logSinceStart: () => Promise<string>) => Promise<boolean>;
}): ManagedProcess {
  const { name, role, env, logFile } = options;
  const port = options.port ?? 0;
  const entry = role === 'web' ? 'server.ts' : 'workers/index.ts';
  let child: ChildProcess | undefined;
  let log: WriteStream | undefined;
  let expectingExit = false;
  const unplanned: { at: number; code: number | null; signal: string | null }[] = [];

  const logTail = async (chars = 4000) => (await readFile(logFile, 'utf8').catch(() => '')).slice(-chars);

  const start = async () => {
    if (isRunning(child)) throw new Error(`${name} is running already`);
    log ??= createWriteStream(logFile, { flags: 'a' });
    log.write(`\n=== ${new Date().toISOString()} start ${name}\n`);
    expectingExit = false;
    const started = spawn('node', ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    track(started);
    started.stdout?.pipe(log, { end: false });
    started.stderr?.pipe(log, { end: false });
    started.once('exit', (code, signal) => {
      log?.write(`=== ${new Date().toISOString()} ${name} exited (${code ?? signal})\n`);
      if (expectingExit) return;
      unplanned.push({ at: Date.now(), code, signal });
      if (options.restartAfterCrashMs === undefined) return;
      setTimeout(() => {
        // stopped or started by someone else meanwhile
        if (expectingExit || isRunning(child)) return;
        log?.write(`=== ${new Date().toISOString()} restarting ${name} after its exit\n`);
        start().catch((error: Error) => log?.write(`=== restart of ${name} failed: ${error.message}\n`));
      }, options.restartAfterCrashMs);
    });
    const startMarker = `=== ${new Date().toISOString()} ready-check ${name}`;
    log.write(`${startMarker}\n`);
    const logSinceStart = async () => {
      const text = await readFile(logFile, 'utf8').catch(() => '');
      return text.slice(text.lastIndexOf(startMarker));
    };
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (!isRunning(started)) throw new Error(`${name} exited while starting:\n${await logTail()}`);
      if (await options.isReady(logSinceStart)) return;
      if (Date.now() > deadline) throw new Error(`${name} not ready within ${READY_TIMEOUT_MS} ms:\n${await logTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const kill = async () => {
    const running = child;
    expectingExit = true;
    if (!isRunning(running)) return;
    running.kill('SIGKILL');
    await exited(running);
  };

  const stop = async (graceMs = 10_000) => {
    const running = child;
    // also while it is down after a crash: no restart after this
    expectingExit = true;
    if (!isRunning(running)) return;
    const timer = setTimeout(() => running.kill('SIGKILL'), graceMs);
    running.kill('SIGTERM');
    await exited(running);
    clearTimeout(timer);
  };

  return {
    name,
    role,
    port,
    pid: () => (isRunning(child) ? (child.pid ?? null) : null),
    isAlive: () => isRunning(child),
    start,
    kill,
    stop,
    unplannedExits: () => [...unplanned],
    logTail,
  };
}
