// Sessions end everywhere at once (DESIGN §2): two web processes — this test process, which answers the
// HTTP API through the route handlers and holds a socket.io server, and a second one in a process of its
// own — joined by the Redis adapter. Sign-out, deactivation, a change of role or region, a password reset and expiry end the sockets of
// that session or user on both within 1 s; a socket whose disconnect message was missed gets nothing from
// alerts:sync, and the periodic re-check ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertWorld } from '../alerts/test-fixtures';
import type { RecordingClient } from '../testing/socket-harness';
import { waitUntil } from '../testing/wait-until';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../testing/worker-process-harness';
import type { SessionEndedPayload, SessionEndReason } from './events';

const ORIGIN = 'http://127.0.0.1:3000';
const PASSWORD = 'correct-horse-battery';
const END_WITHIN_MS = 1_000;
// the second process's re-check when a test needs it to heal within a test's wait
const SHORT_RECHECK_MS = 1_000;

let harness: WorkerProcessHarness;
let world: AlertWorld;
let lib: {
  session: typeof import('../../app/api/v1/session/route');
  deactivate: typeof import('../../app/api/v1/admin/users/[id]/route');
  resetPassword: typeof import('../../app/api/v1/admin/users/[id]/password/route');
  users: typeof import('../auth/users');
  sessions: typeof import('../auth/sessions');
  alerts: typeof import('../alerts/test-fixtures');
};
/** The second web process, re-checking sessions every 30 s as in production: only a message ends a socket fast. */
let otherProcess: string;
/** A third one that re-checks every second, for the heal tests. */
let healingProcess: string;
let adminCookie: string;
let userCounter = 0;

interface WatchedSocket {
  client: RecordingClient;
  ended: SessionEndedPayload | null;
  disconnectedAt: number | null;
}

function watch(client: RecordingClient): WatchedSocket {
  const watched: WatchedSocket = { client, ended: null, disconnectedAt: null };
  client.socket.on('session:ended', (payload) => (watched.ended = payload));
  client.socket.on('disconnect', () => (watched.disconnectedAt = Date.now()));
  return watched;
}

const connectTo = async (url: string, token: string) => watch(await harness.connectTo(url, token));
const connectHere = async (token: string) => watch(await harness.connect(token));

/** Waits for every socket to be ended for `reason`, and says how long after `since` the last one went. */
async function endedWithin(sockets: WatchedSocket[], reason: SessionEndReason, since: number): Promise<number> {
  await waitUntil(() => sockets.every((socket) => socket.disconnectedAt !== null), 'the sockets to be disconnected');
  for (const socket of sockets) expect(socket.ended).toEqual({ reason });
  return Math.max(...sockets.map((socket) => socket.disconnectedAt! - since));
}

const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

async function newUser(role: 'supervisor' | 'admin' = 'supervisor') {
  userCounter += 1;
  return lib.users.createUser(harness.sql, {
    username: `sock-${role}-${userCounter}-${Date.now().toString(36)}`,
    displayName: '会话测试',
    password: PASSWORD,
    role,
    regionCode: role === 'admin' ? world.regions.province.code : world.regions.county.code,
  });
}

/** Signs in through the session route, as a browser would; the cookie's token. */
async function signIn(username: string): Promise<string> {
  const response = await lib.session.POST(
    new Request(`${ORIGIN}/api/v1/session`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10' },
      body: JSON.stringify({ username, password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return tokenOf(response.headers.get('set-cookie')!.split(';')[0]!);
}

const adminRequest = (method: string, path: string, body: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method,
    headers: { host: '127.0.0.1:3000', origin: ORIGIN, cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  harness = await openWorkerProcessHarness('sessions');
  const [session, deactivate, resetPassword, users, sessions, alerts] = await Promise.all([
    import('../../app/api/v1/session/route'),
    import('../../app/api/v1/admin/users/[id]/route'),
    import('../../app/api/v1/admin/users/[id]/password/route'),
    import('../auth/users'),
    import('../auth/sessions'),
    import('../alerts/test-fixtures'),
  ]);
  lib = { session, deactivate, resetPassword, users, sessions, alerts };
  world = await alerts.createAlertWorld(harness.sql);
  const admin = await newUser('admin');
  adminCookie = `dw_session=${(await sessions.createSession(harness.sql, admin)).token}`;
  await harness.startSocketServer();
  [otherProcess, healingProcess] = await Promise.all([
    harness.startSocketServerProcess(),
    harness.startSocketServerProcess({ sessionRecheckMs: SHORT_RECHECK_MS }),
  ]);
}, 90_000);

afterAll(() => harness?.close(), 60_000);

describe('ending sessions ends their sockets on every web process', () => {
  it('sign-out through this process closes the session’s socket on the other process within 1 s; its other session stays', async () => {
    const user = await newUser();
    const token = await signIn(user.username);
    const otherSession = await signIn(user.username);
    const alertId = await lib.alerts.openTestAlert(harness.sql, world);

    const there = await connectTo(otherProcess, token);
    const here = await connectHere(token);
    const otherTab = await connectTo(otherProcess, otherSession);
    // the scope's alerts are there to be had before the sign-out
    const before = await there.client.socket.emitWithAck('alerts:sync', { afterSeq: 0 });
    expect(before.alerts.map((alert) => alert.id)).toContain(alertId);

    const started = Date.now();
    const response = await lib.session.DELETE(
      new Request(`${ORIGIN}/api/v1/session`, {
        method: 'DELETE',
        headers: { host: '127.0.0.1:3000', cookie: `dw_session=${token}` },
      }),
    );
    expect(response.status).toBe(204);
    expect(await endedWithin([there, here], 'signed_out', started)).toBeLessThanOrEqual(END_WITHIN_MS);

    // the user's other session (another browser) is not signed out
    expect(otherTab.disconnectedAt).toBeNull();
    const stillServed = await otherTab.client.socket.emitWithAck('alerts:sync', { afterSeq: 0 });
    expect(stillServed.error).toBeUndefined();
    expect(stillServed.alerts.map((alert) => alert.id)).toContain(alertId);
    // and the old cookie does not get a socket again
    await expect(harness.connectTo(otherProcess, token)).rejects.toThrow(/unauthenticated/);
  });

  it.each([
    {
      reason: 'deactivated' as const,
      act: (id: number) => lib.deactivate.PATCH(adminRequest('PATCH', `/api/v1/admin/users/${id}`, { isActive: false }), { params: Promise.resolve({ id: String(id) }) }),
    },
    {
      reason: 'scope_changed' as const,
      act: (id: number) =>
        lib.deactivate.PATCH(adminRequest('PATCH', `/api/v1/admin/users/${id}`, { role: 'leader', regionCode: world.regions.city.code }), {
          params: Promise.resolve({ id: String(id) }),
        }),
    },
    {
      reason: 'password_reset' as const,
      act: (id: number) =>
        lib.resetPassword.POST(adminRequest('POST', `/api/v1/admin/users/${id}/password`, { password: 'another-good-password' }), {
          params: Promise.resolve({ id: String(id) }),
        }),
    },
  ])('$reason through the admin API closes every socket of the user on both processes within 1 s', async ({ reason, act }) => {
    const user = await newUser();
    const bystander = await newUser();
    const [office, home, bystanderToken] = [await signIn(user.username), await signIn(user.username), await signIn(bystander.username)];
    const sockets = [await connectTo(otherProcess, office), await connectTo(otherProcess, home), await connectHere(home)];
    const unaffected = await connectTo(otherProcess, bystanderToken);

    const started = Date.now();
    expect((await act(user.id)).status).toBe(200);
    expect(await endedWithin(sockets, reason, started)).toBeLessThanOrEqual(END_WITHIN_MS);
    expect(unaffected.disconnectedAt).toBeNull();
    expect(await lib.sessions.getSessionUser(harness.sql, office)).toBeNull();
  });

  it('a socket whose disconnect message never came gets nothing from alerts:sync, and is closed', async () => {
    const user = await newUser();
    const token = await signIn(user.username);
    await lib.alerts.openTestAlert(harness.sql, world);
    const socket = await connectTo(otherProcess, token);
    expect((await socket.client.socket.emitWithAck('alerts:sync', { afterSeq: 0 })).alerts.length).toBeGreaterThan(0);

    // revoked in Postgres only, as when Redis is down at sign-out: no process hears of it
    expect(await lib.sessions.revokeSession(harness.sql, token)).toBe(true);
    expect(socket.disconnectedAt).toBeNull();
    const refused = await socket.client.socket.emitWithAck('alerts:sync', { afterSeq: 0 });
    expect(refused).toEqual({ alerts: [], error: { code: 'unauthenticated', message: '登录已失效，请重新登录' } });
    await endedWithin([socket], 'revoked', Date.now());
  });

  it('the periodic re-check ends a socket whose message was missed, and one whose user changed role without one', async () => {
    const revoked = await newUser();
    const promoted = await newUser();
    const revokedToken = await signIn(revoked.username);
    const revokedSocket = await connectTo(healingProcess, revokedToken);
    const promotedSocket = await connectTo(healingProcess, await signIn(promoted.username));

    await lib.sessions.revokeSession(harness.sql, revokedToken);
    // a role changed behind the admin API's back (no message sent): the re-check still notices
    await harness.sql`update users set role = 'leader' where id = ${promoted.id}`;
    await endedWithin([revokedSocket], 'revoked', Date.now());
    await endedWithin([promotedSocket], 'scope_changed', Date.now());
  });

  it('a session that expires ends its sockets on both processes when the shared clock passes expires_at', async () => {
    const user = await newUser();
    const { token, expiresAt } = await lib.sessions.createSession(harness.sql, user);
    const sockets = [await connectTo(otherProcess, token), await connectHere(token)];
    try {
      await harness.moveClock(new Date(expiresAt.getTime() - 60_000));
      // a minute before, nothing happens
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sockets.map((socket) => socket.disconnectedAt)).toEqual([null, null]);
      await harness.moveClock(new Date(expiresAt.getTime() + 1_000));
      await endedWithin(sockets, 'expired', Date.now());
    } finally {
      await harness.moveClock(new Date());
    }
  });
});
