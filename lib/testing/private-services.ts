// A redis-server and a Postgres cluster of a test's own, on free ports, for tests that stop, kill or
// restart them (STACK.md pitfall 12): the machine's shared Redis and Postgres must never be touched.
//
//   const redis = await startPrivateRedis();       // redis.url → REDIS_URL
//   await redis.restartEmpty();                    // what a Redis without persistence does on a crash
//   const pg = await startPrivatePostgres();       // pg.adminUrl('dw_x'), pg.appUrl('dw_x') → migrate()
//   await pg.restart();
//   await Promise.all([redis.close(), pg.close()]); // in afterAll / finally
//
// close() is idempotent. Should a caller never reach it (an exception, process.exit on Ctrl-C), an exit hook
// of this module kills what is still running and removes its directories, so nothing lingers; only a SIGKILL
// of this process itself escapes it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The application's role in a private cluster: migrate() creates it as a non-superuser. */
const APP_ROLE = 'dw_app';

/** A TCP port nobody listens on right now (the kernel's pick; a race with another process is unlikely). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

// ---------------------------------------------------------------- cleanup of what a caller left behind

const cleanups = new Set<() => void>();
let exitHookInstalled = false;

function onExit(cleanup: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const run of cleanups) {
        try {
          run();
        } catch {
          // best effort: the process is leaving
        }
      }
    });
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

// ---------------------------------------------------------------- Redis

export interface PrivateRedis {
  port: number;
  /** redis://127.0.0.1:<port> */
  url: string;
  isRunning: () => boolean;
  /** The redis-server's pid while it runs (for its RSS), else null. */
  pid: () => number | null;
  /** SIGTERM; without persistence everything in it is gone. */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash would. */
  kill: () => Promise<void>;
  /** Starts it again, empty, on the same port. */
  start: () => Promise<void>;
  /** stop() then start(): Redis back empty on the same port. */
  restartEmpty: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'dw-redis-'));
  let child: ChildProcess | undefined;
  let output = '';

  const isRunning = () => !!child && child.exitCode === null && child.signalCode === null;
  const waitExit = (running: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (running.exitCode !== null || running.signalCode !== null) return resolve();
      running.once('exit', () => resolve());
    });
  const signal = async (name: NodeJS.Signals) => {
    const running = child;
    if (!running || !isRunning()) return;
    running.kill(name);
    await waitExit(running);
  };
  const start = async () => {
    if (isRunning()) throw new Error(`private redis on ${port} is already running`);
    output = '';
    // --save '' --appendonly no: a restart comes back empty, like the deployment this suite measures
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    started.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    await waitFor(() => redisPing(port), () => (isRunning() ? null : `redis-server exited:\n${output}`), `redis on ${port}`);
  };
  await start();
  const forget = onExit(() => {
    if (isRunning()) child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    port,
    url: `redis://${HOST}:${port}`,
    isRunning,
    pid: () => (isRunning() ? (child?.pid ?? null) : null),
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    start,
    restartEmpty: async () => {
      await signal('SIGTERM');
      await start();
    },
    close: async () => {
      await signal('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      forget();
    },
  };
}

async function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

// ---------------------------------------------------------------- Postgres

export interface PrivatePostgres {
  port: number;
  /** The superuser `postgres` on `database` (trust auth): for migrate()'s adminUrl and for inspection. */
  adminUrl: (database?: string) => string;
  /** The application role (non-superuser, created by migrate()) on `database`. */
  appUrl: (database: string) => string;
  isRunning: () => boolean;
  /** pg_ctl stop; `fast` ends sessions cleanly, `immediate` is a crash (recovery on the next start). */
  stop: (mode?: 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  /** stop (fast) and start again on the same port, data kept. */
  restart: () => Promise<void>;
  /** Stops the cluster and removes its directory. */
  close: () => Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await findFreePort();
  const root = mkdtempSync(path.join(tmpdir(), 'dw-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  // Postgres refuses to run as root: as root, every command runs as the `postgres` OS user, who must own the dir
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(root, Number(user.stdout.trim()), Number(group.stdout.trim()));
  }
  const pgCommand = (bin: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(PG_BIN, bin);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args] : args;
    return { command, args: fullArgs };
  };
  const run = (bin: string, args: string[]) => {
    const { command, args: fullArgs } = pgCommand(bin, args);
    return new Promise<void>((resolve, reject) => {
      const child = spawn(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(' ')} → ${code}:\n${output}`))));
    });
  };
  const runSync = (bin: string, args: string[]) => {
    const { command, args: fullArgs } = pgCommand(bin, args);
    return spawnSync(command, fullArgs, { stdio: 'ignore', timeout: 20_000 });
  };
  const isRunning = () => existsSync(path.join(dataDir, 'postmaster.pid'));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });

  // fsync off: a throwaway cluster, and the machine's disk is shared
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=${HOST} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = async () => {
    try {
      await run('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
    } catch (error) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`${(error as Error).message}\n${log.slice(-3000)}`);
    }
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!isRunning()) return;
    await run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  };

  const forget = onExit(() => {
    if (isRunning()) runSync('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    removeRoot();
  });
  try {
    await run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await start();
  } catch (error) {
    if (isRunning()) runSync('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    removeRoot();
    forget();
    throw error;
  }

  const url = (user: string, database: string) => `postgres://${user}@${HOST}:${port}/${database}`;
  return {
    port,
    adminUrl: (database = 'postgres') => url('postgres', database),
    appUrl: (database) => `postgres://${APP_ROLE}:${APP_ROLE}@${HOST}:${port}/${database}`,
    isRunning,
    stop,
    start,
    restart: async () => {
      await stop('fast');
      await start();
    },
    close: async () => {
      await stop('immediate').catch(() => runSync('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']));
      removeRoot();
      forget();
    },
  };
}

// ---------------------------------------------------------------- waiting

async function waitFor(ready: () => Promise<boolean>, failed: () => string | null, what: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const failure = failed();
    if (failure) throw new Error(failure);
    if (await ready()) return;
    if (Date.now() - started > READY_TIMEOUT_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
