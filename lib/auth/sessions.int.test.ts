// Sign-in and sessions against the run's real Postgres and Redis.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '../clock';
import { sql } from '../db/sql';
import { login } from './login';
import { createLoginRateLimiter } from './login-rate-limit';
import { hashSessionToken, findLiveSessions, getSessionUser, revokeSession, revokeUserSessions, sessionTtlMs, createSession } from './sessions';
import { createDepartment, createRegionTree, uniqueUsername, type TestRegionTree } from './test-fixtures';
import { createUser, findUserById, findUserByUsername, setUserActive, upsertUser, type User } from './users';

const PASSWORD = 'correct-horse-battery';
// generous limits: these tests are about sessions, login-rate-limit.int.test.ts is about limits
const limiter = createLoginRateLimiter({ perAccount: 1000, perAddress: 1000 });
const signIn = (username: string, password = PASSWORD) =>
  login(sql, { username, password, ip: '192.0.2.10', userAgent: 'vitest' }, limiter);

let regions: TestRegionTree;
let supervisor: User;

beforeAll(async () => {
  regions = await createRegionTree(sql);
  supervisor = await createUser(sql, {
    username: uniqueUsername('sup'),
    displayName: '测试监督员',
    password: PASSWORD,
    role: 'supervisor',
    regionCode: regions.city.code,
  });
});

afterEach(() => setClockOffset(0));

describe('login', () => {
  it('creates a session whose token resolves to the user', async () => {
    const result = await signIn(supervisor.username);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.user).toMatchObject({ id: supervisor.id, role: 'supervisor', regionPath: regions.city.path });

    const session = await getSessionUser(sql, result.token);
    expect(session?.user).toMatchObject({
      id: supervisor.id,
      username: supervisor.username,
      displayName: '测试监督员',
      regionCode: regions.city.code,
      regionPath: regions.city.path,
      departmentId: null,
    });
    expect(session?.session.expiresAt.getTime()).toBe(result.expiresAt.getTime());
  });

  it('stores only the hash of the token, with the address and user agent', async () => {
    const result = await signIn(supervisor.username);
    if (!result.ok) throw new Error('sign-in failed');
    const rows = await sql`select token_hash, ip, user_agent from sessions where token_hash = ${hashSessionToken(result.token)}`;
    expect(rows).toEqual([{ token_hash: hashSessionToken(result.token), ip: '192.0.2.10', user_agent: 'vitest' }]);
    const byToken = await sql`select 1 from sessions where token_hash = ${result.token}`;
    expect(byToken).toHaveLength(0);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const result = await signIn(`  ${supervisor.username.toUpperCase()} `);
    expect(result.ok).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown or impossible user', async () => {
    expect(await signIn(supervisor.username, 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(uniqueUsername('nobody'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn('Not A Valid Name!')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an inactive user even with the right password, and ends their sessions', async () => {
    const user = await createUser(sql, {
      username: uniqueUsername('leaver'),
      displayName: '已停用用户',
      password: PASSWORD,
      role: 'leader',
      regionCode: regions.province.code,
    });
    const before = await signIn(user.username);
    if (!before.ok) throw new Error('sign-in failed');

    await setUserActive(sql, user.id, false);
    expect(await signIn(user.username)).toEqual({ ok: false, reason: 'invalid' });
    expect(await getSessionUser(sql, before.token)).toBeNull();
  });
});

describe('sessions', () => {
  it('revokeSession makes the token resolve to null at once', async () => {
    const result = await signIn(supervisor.username);
    if (!result.ok) throw new Error('sign-in failed');
    expect(await getSessionUser(sql, result.token)).not.toBeNull();
    expect(await revokeSession(sql, result.token)).toBe(true);
    expect(await getSessionUser(sql, result.token)).toBeNull();
    expect(await revokeSession(sql, result.token)).toBe(false);
  });

  it('revokeUserSessions ends every session of the user and no one else', async () => {
    const other = await createUser(sql, {
      username: uniqueUsername('other'),
      displayName: '其他用户',
      password: PASSWORD,
      role: 'handler',
      regionCode: regions.province.code,
    });
    const first = await createSession(sql, other);
    const second = await createSession(sql, other);
    const unrelated = await createSession(sql, supervisor);
    expect(await revokeUserSessions(sql, other.id)).toBe(2);
    expect(await getSessionUser(sql, first.token)).toBeNull();
    expect(await getSessionUser(sql, second.token)).toBeNull();
    expect(await getSessionUser(sql, unrelated.token)).not.toBeNull();
  });

  it('findLiveSessions names, among many sessions at once, the live ones with their users', async () => {
    const live = await createSession(sql, supervisor);
    const revoked = await createSession(sql, supervisor);
    await revokeSession(sql, revoked.token);
    const hashes = [live.token, revoked.token].map(hashSessionToken);
    const found = await findLiveSessions(sql, [...hashes, 'f'.repeat(64)]);
    expect([...found.keys()]).toEqual([hashes[0]]);
    expect(found.get(hashes[0]!)).toMatchObject({ user: { id: supervisor.id, regionPath: regions.city.path }, session: { expiresAt: live.expiresAt } });
    setClockOffset(sessionTtlMs() + 1_000);
    expect((await findLiveSessions(sql, hashes)).size).toBe(0);
    expect((await findLiveSessions(sql, [])).size).toBe(0);
  });

  it('an expired session resolves to null', async () => {
    const { token } = await createSession(sql, supervisor);
    setClockOffset(sessionTtlMs() - 1_000);
    expect(await getSessionUser(sql, token)).not.toBeNull();
    setClockOffset(sessionTtlMs() + 1_000);
    expect(await getSessionUser(sql, token)).toBeNull();
  });

  it('a tampered or malformed token resolves to null without throwing', async () => {
    const { token } = await createSession(sql, supervisor);
    const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const bad of [flipped, token.slice(0, 42), `${token}x`, '', 'null', "' or 1=1 --", '%00'.repeat(20), null, undefined]) {
      await expect(getSessionUser(sql, bad)).resolves.toBeNull();
    }
    expect(await revokeSession(sql, "' or 1=1 --")).toBe(false);
    expect(await getSessionUser(sql, token)).not.toBeNull();
  });

  it('updates last_seen_at at most once a minute', async () => {
    const { token } = await createSession(sql, supervisor);
    const lastSeen = async () =>
      (await sql<{ last_seen_at: Date }[]>`select last_seen_at from sessions where token_hash = ${hashSessionToken(token)}`)[0]!
        .last_seen_at.getTime();
    const created = await lastSeen();

    setClockOffset(30_000);
    await getSessionUser(sql, token);
    expect(await lastSeen()).toBe(created);

    setClockOffset(61_000);
    const session = await getSessionUser(sql, token);
    expect(await lastSeen()).toBeGreaterThanOrEqual(created + 61_000);
    expect(session?.session.lastSeenAt.getTime()).toBe(await lastSeen());
  });
});

describe('users', () => {
  it('creates a department user bound to a department, and finds users by name and id', async () => {
    const departmentId = await createDepartment(sql, regions.county.code);
    const user = await createUser(sql, {
      username: uniqueUsername('dept'),
      displayName: '部门联络员',
      password: PASSWORD,
      role: 'dept',
      regionCode: regions.county.code,
      departmentId,
    });
    expect(user).toMatchObject({ role: 'dept', departmentId, regionPath: regions.county.path, isActive: true });
    expect(await findUserByUsername(sql, user.username.toUpperCase())).toEqual(user);
    expect(await findUserById(sql, user.id)).toEqual(user);
    expect(await findUserById(sql, -1)).toBeNull();
  });

  it('refuses bad input with zh-CN messages before touching the database', async () => {
    const base = { displayName: '某人', password: PASSWORD, regionCode: regions.city.code };
    await expect(createUser(sql, { ...base, username: '-bad', role: 'supervisor' })).rejects.toThrow(/用户名/);
    await expect(createUser(sql, { ...base, username: uniqueUsername('x'), role: 'dept' })).rejects.toThrow(/部门/);
    await expect(createUser(sql, { ...base, username: uniqueUsername('x'), role: 'leader', password: 'short' })).rejects.toThrow(/密码/);
  });

  it('upsertUser leaves an existing user as it is', async () => {
    const username = uniqueUsername('seed');
    const input = { username, displayName: '种子用户', password: PASSWORD, role: 'handler' as const, regionCode: regions.province.code };
    const first = await upsertUser(sql, input);
    const second = await upsertUser(sql, { ...input, displayName: '改过的名字', password: 'another-password' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ user: first.user, created: false });
    expect((await signIn(username)).ok).toBe(true);
  });
});
