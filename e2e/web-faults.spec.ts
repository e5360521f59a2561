// A web process (the production server.ts) on a Redis and a Postgres of this file's own (never the shared
// ones: STACK.md pitfall 12), stopped under it (issue 12 items 2 and 3): clear 503s within a second instead of
// hangs, /api/health naming the dependency that is down, back to 200 within 5 s of its return, and a SIGTERM
// that lets the request in flight finish, refuses new connections, ends sockets so clients reconnect, and
// exits 0 within 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { io, type Socket } from 'socket.io-client';
import { createUser } from '../lib/auth/users';
import { createRegionTree } from '../lib/auth/test-fixtures';
import { migrate } from '../lib/db/migrate';
import { findFreePort, startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from '../lib/testing/private-services';

test.describe.configure({ mode: 'serial' });

const DATABASE = 'dw_web_faults';
const USERNAME = 'fault-supervisor';
const PASSWORD = 'fault-password-1';

let redis: PrivateRedis;
let pg: PrivatePostgres;
let web: ChildProcess;
let baseURL: string;
let output = '';

interface Answer {
  status: number;
  body: unknown;
  ms: number;
}

async function timed(path: string, init?: RequestInit): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${baseURL}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, ms: Date.now() - started };
}

const signIn = (password = PASSWORD) =>
  timed('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password }),
  });

const health = () => timed('/api/health');

/** Polls /api/health until it answers `status`; resolves with how long that took. */
async function healthBecomes(status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await health().catch(() => null);
    if (answer?.status === status) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`health not ${status} after ${timeoutMs} ms: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Long enough, polled as a load balancer would, for the clients' reconnect backoff to grow: ioredis's
// default would by then wait 5 s between attempts, postgres.js's up to 20 s.
const OUTAGE_MS = 8_000;

/** Keeps asking /api/health through the outage: every answer must be a quick 503 naming `down`. */
async function probeThroughOutage(down: { db: string; redis: string }): Promise<void> {
  const until = Date.now() + OUTAGE_MS;
  while (Date.now() < until) {
    const answer = await health();
    expect(answer).toMatchObject({ status: 503, body: { status: 'degraded', ...down } });
    expect(answer.ms).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function expectRunning(): void {
  expect(web.exitCode, output).toBeNull();
  expect(web.signalCode, output).toBeNull();
}

const unavailableBody = { error: { code: 'unavailable', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  [redis, pg] = await Promise.all([startPrivateRedis(), startPrivatePostgres()]);
  await migrate({ adminUrl: pg.adminUrl(DATABASE), appUrl: pg.appUrl(DATABASE) });
  const sql = postgres(pg.appUrl(DATABASE), { max: 1, onnotice: () => {} });
  try {
    const regions = await createRegionTree(sql);
    await createUser(sql, { username: USERNAME, displayName: '故障测试', password: PASSWORD, role: 'supervisor', regionCode: regions.province.code });
  } finally {
    await sql.end();
  }
  const port = await findFreePort();
  baseURL = `http://127.0.0.1:${port}`;
  web = spawn('node', ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: pg.appUrl(DATABASE),
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'dwwebfaults',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  web.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  web.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  await healthBecomes(200, 90_000);
});

test.afterAll(async () => {
  if (web && web.exitCode === null && web.signalCode === null) web.kill('SIGKILL');
  await Promise.all([redis?.close(), pg?.close()]);
});

test('while Redis is away, sign-in and the public limits answer 503 within 1 s, health names redis; all work within 5 s of its return', async () => {
  expect((await signIn()).status).toBe(200);

  await redis.stop();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const refused = await signIn();
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual(unavailableBody);
    expect(refused.ms).toBeLessThan(1_000);
  }
  const filing = await timed('/api/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(filing).toMatchObject({ status: 503, body: unavailableBody });
  expect(filing.ms).toBeLessThan(1_000);
  const tracking = await timed('/api/v1/complaints/track/7K3MQ9TX4HPA?phone4=1234');
  expect(tracking).toMatchObject({ status: 503, body: unavailableBody });
  expect(tracking.ms).toBeLessThan(1_000);

  await probeThroughOutage({ db: 'ok', redis: 'down' });
  expectRunning();

  await redis.start();
  expect(await healthBecomes(200, 5_000)).toBeLessThan(5_000);
  expect((await signIn()).status).toBe(200);
  expectRunning();
});

test('while Postgres is away, sign-in and signed-in API calls answer 503 and health names db; all work within 5 s of its return', async () => {
  const signedIn = await fetch(`${baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  const listAlerts = () => timed('/api/v1/alerts', { headers: { cookie } });
  expect((await listAlerts()).status).toBe(200);

  await pg.stop();
  const refused = await signIn();
  expect(refused).toMatchObject({ status: 503, body: unavailableBody });
  expect(refused.ms).toBeLessThan(2_000);
  const list = await listAlerts();
  expect(list).toMatchObject({ status: 503, body: unavailableBody });
  expect(list.ms).toBeLessThan(2_000);
  await probeThroughOutage({ db: 'down', redis: 'ok' });
  expectRunning();

  await pg.start();
  expect(await healthBecomes(200, 5_000)).toBeLessThan(5_000);
  expect((await signIn()).status).toBe(200);
  expect((await listAlerts()).status).toBe(200);
  expectRunning();
});

test('SIGTERM: the request in flight completes, new connections are refused, sockets see their transport close, exit 0 within 10 s', async () => {
  const signedIn = await fetch(`${baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  const socket: Socket = io(baseURL, { forceNew: true, transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

  // a sign-in whose body is still arriving when the signal comes
  const body = JSON.stringify({ username: USERNAME, password: PASSWORD });
  const inFlight = httpRequest(`${baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  const answered = new Promise<number>((resolve, reject) => {
    inFlight.once('response', (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    inFlight.once('error', reject);
  });
  inFlight.write(body.slice(0, 10));
  await new Promise((resolve) => setTimeout(resolve, 500));

  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    web.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const signalledAt = Date.now();
  web.kill('SIGTERM');

  // the socket's transport ends without socket.io's "do not come back" packet: a client reconnects elsewhere
  expect(await disconnected).toBe('transport close');
  // the listener is closed: a new connection is refused
  await expect.poll(async () => (await fetch(`${baseURL}/api/health`).then(() => 'answered', (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message))), { timeout: 3_000 }).toMatch(/ECONNREFUSED/);

  inFlight.end(body.slice(10));
  expect(await answered).toBe(200);
  const exit = await exited;
  expect(exit, output).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalledAt).toBeLessThan(10_000);
  socket.close();
});
