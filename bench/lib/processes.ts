// The processes a benchmark runs against: server.ts in production mode (Next.js + socket.io with the Redis
// adapter), the engine's worker processes (lib/testing/processes.ts), and the bare-path worker. Each is
// started as `node --import tsx …` so one pid owns it, and registered for cleanup.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { startWorkerProcess } from '../../lib/testing/processes';
import { onCleanup } from './cleanup';
import { sleep } from './stats';

export interface BenchProcess {
  label: string;
  pid: number;
  /** Wall-clock ms when it was spawned (a --cpu-prof profile starts about then). */
  startedAt: number;
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// keep the tail of a process's output for error messages, not all of it
const MAX_OUTPUT = 64 * 1024;

function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function spawnNode(label: string, nodeArgs: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn('node', nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT / 2);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  child.on('error', (error) => (output += `\n[${label}] spawn error: ${error.message}`));
  return { child, output: () => output };
}

/** A `next build` whose working directory is this checkout (builds elsewhere do not touch our .next). */
function nextBuildRunningHere(): boolean {
  try {
    return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /\bnext(\.js)?\s+build\b|next\/dist\/bin\/next build/.test(line))
      .some((line) => {
        try {
          return realpathSync(`/proc/${line.split(/\s+/)[0]}/cwd`) === ROOT;
        } catch {
          return false;
        }
      });
  } catch {
    return false;
  }
}

/** Waits while a `next build` is running or .next has no BUILD_ID (the lead may be rebuilding it). */
async function waitForProductionBuild(timeoutMs = 10 * 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const building = nextBuildRunningHere();
    if (!building && existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
    if (Date.now() - started > timeoutMs) throw new Error('.next 生产构建不可用 / no production build in .next (next build running or missing)');
    console.log('  · waiting for `next build` to finish…');
    await sleep(5_000);
  }
}

/** The build's id, to say which build was measured. */
export function buildId(): string {
  try {
    return readFileSync(path.join(ROOT, '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'none';
  }
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${output().slice(-4000)}`);
}

/** `NODE_ENV=production node --import tsx server.ts` on 127.0.0.1:<port>. */
export async function startServer(env: NodeJS.ProcessEnv, port: number, cpuProfileDir?: string): Promise<BenchProcess> {
  for (let attempt = 1; ; attempt += 1) {
    await waitForProductionBuild();
    const serverEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' };
    if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
    const profileArgs = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
    const startedAt = Date.now();
    const { child, output } = spawnNode('server', [...profileArgs, '--import', 'tsx', 'server.ts'], serverEnv);
    const stop = onCleanup(`server.ts :${port}`, () => stopChild(child, 20_000));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/api/health`, child, output, 90_000);
      return { label: 'server', pid: child.pid!, startedAt, output, stop };
    } catch (error) {
      await stop();
      // the build may have been replaced under us: wait for it and try once more
      if (attempt >= 2) throw error;
      console.log(`  · server did not start (${(error as Error).message.split('\n')[0]}); retrying`);
      await sleep(10_000);
    }
  }
}

/**
 * The engine's workers (`workers/index.ts` with the given queues). With `cpuProfileDir` the process runs under
 * --cpu-prof (not allowed in NODE_OPTIONS, so it is spawned here rather than by lib/testing/processes.ts).
 */
export async function startWorkers(env: NodeJS.ProcessEnv, queues: string[], cpuProfileDir?: string): Promise<BenchProcess> {
  const startedAt = Date.now();
  if (!cpuProfileDir) {
    const running = await startWorkerProcess(env, queues);
    const stop = onCleanup(`workers ${queues.join(',')}`, () => stopChild(running.child));
    return { label: `workers(${queues.join(',')})`, pid: running.child.pid!, startedAt, output: running.output, stop };
  }
  mkdirSync(cpuProfileDir, { recursive: true });
  const { child, output } = spawnNode(
    'workers',
    ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, '--import', 'tsx', 'workers/index.ts', ...queues],
    { ...env, LOG_LEVEL: 'info' },
  );
  const stop = onCleanup(`workers ${queues.join(',')} (profiled)`, () => stopChild(child, 20_000));
  await waitForLine(child, output, 'workers started', 30_000);
  return { label: `workers(${queues.join(',')})`, pid: child.pid!, startedAt, output, stop };
}

/** bench/bare-worker.ts: the bare path's no-op worker that emits through the redis-emitter. */
export async function startBareWorker(env: NodeJS.ProcessEnv): Promise<BenchProcess> {
  const startedAt = Date.now();
  const { child, output } = spawnNode('bare-worker', ['--import', 'tsx', 'bench/bare-worker.ts'], env);
  const stop = onCleanup('bare worker', () => stopChild(child));
  await waitForLine(child, output, 'bare worker ready', 30_000);
  return { label: 'bare-worker', pid: child.pid!, startedAt, output, stop };
}

async function waitForLine(child: ChildProcess, output: () => string, line: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!output().includes(line)) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${output().slice(-4000)}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no "${line}" within ${timeoutMs} ms:\n${output().slice(-4000)}`);
    await sleep(50);
  }
}
