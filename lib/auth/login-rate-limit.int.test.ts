// Sign-in rate limits in the run's real Redis: per account, per address, across processes, failing closed.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import { createRedis } from '../redis/connection';
import { login } from './login';
import { createLoginRateLimiter } from './login-rate-limit';
import { createRegionTree, uniqueUsername } from './test-fixtures';
import { createUser, type User } from './users';

const PASSWORD = 'correct-horse-battery';
const WINDOW_SECONDS = 60;
let user: User;
// a second connection stands in for another web process
const otherProcessRedis = createRedis();

beforeAll(async () => {
  const regions = await createRegionTree(sql);
  user = await createUser(sql, {
    username: uniqueUsername('limited'),
    displayName: '限流测试',
    password: PASSWORD,
    role: 'supervisor',
    regionCode: regions.province.code,
  });
});

afterAll(() => {
  otherProcessRedis.disconnect();
});

const attempt = (
  limiter: ReturnType<typeof createLoginRateLimiter>,
  username: string,
  password: string,
  ip = '198.51.100.1',
) => login(sql, { username, password, ip, userAgent: 'vitest' }, limiter);

describe('per-account limit', () => {
  it('blocks after N failures, even the right password, and holds for another process', async () => {
    const freshUser = await createUser(sql, {
      username: uniqueUsername('acct'),
      displayName: '账户限流',
      password: PASSWORD,
      role: 'leader',
      regionCode: user.regionCode,
    });
    const here = createLoginRateLimiter({ perAccount: 3, perAddress: 1000, windowSeconds: WINDOW_SECONDS });
    const there = createLoginRateLimiter({
      client: otherProcessRedis,
      perAccount: 3,
      perAddress: 1000,
      windowSeconds: WINDOW_SECONDS,
    });

    // failures from different addresses all count against the account
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(await attempt(here, freshUser.username, 'wrong', ip)).toEqual({ ok: false, reason: 'invalid' });
    }
    const blocked = await attempt(here, freshUser.username, PASSWORD, '198.51.100.4');
    expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (blocked.ok || blocked.reason !== 'rate_limited') throw new Error('expected rate_limited');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);

    const elsewhere = await attempt(there, freshUser.username.toUpperCase(), PASSWORD, '198.51.100.5');
    expect(elsewhere).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  it('counts unknown usernames the same way (no hint that the account does not exist)', async () => {
    const limiter = createLoginRateLimiter({ perAccount: 2, perAddress: 1000, windowSeconds: WINDOW_SECONDS });
    const ghost = uniqueUsername('ghost');
    await attempt(limiter, ghost, 'x');
    await attempt(limiter, ghost, 'x');
    expect(await attempt(limiter, ghost, 'x')).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  it('only failures count, and a success resets the account counter', async () => {
    const limiter = createLoginRateLimiter({ perAccount: 3, perAddress: 1000, windowSeconds: WINDOW_SECONDS });
    const username = (
      await createUser(sql, {
        username: uniqueUsername('reset'),
        displayName: '重置测试',
        password: PASSWORD,
        role: 'handler',
        regionCode: user.regionCode,
      })
    ).username;
    for (let i = 0; i < 5; i += 1) expect((await attempt(limiter, username, PASSWORD)).ok).toBe(true);
    await attempt(limiter, username, 'wrong');
    await attempt(limiter, username, 'wrong');
    expect((await attempt(limiter, username, PASSWORD)).ok).toBe(true);
    await attempt(limiter, username, 'wrong');
    await attempt(limiter, username, 'wrong');
    expect((await attempt(limiter, username, PASSWORD)).ok).toBe(true);
  });
});

describe('per-address limit', () => {
  it('blocks an address that fails across many accounts, not other addresses', async () => {
    const limiter = createLoginRateLimiter({ perAccount: 1000, perAddress: 4, windowSeconds: WINDOW_SECONDS });
    const ip = '203.0.113.77';
    for (let i = 0; i < 4; i += 1) await attempt(limiter, uniqueUsername('spray'), 'guess', ip);
    expect(await attempt(limiter, user.username, PASSWORD, ip)).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((await attempt(limiter, user.username, PASSWORD, '203.0.113.78')).ok).toBe(true);
  });
});

describe('when Redis is down', () => {
  it('fails closed: no password is checked and the answer is unavailable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 200,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    try {
      const limiter = createLoginRateLimiter({ client: dead, perAccount: 3, perAddress: 3 });
      expect(await attempt(limiter, user.username, PASSWORD)).toEqual({ ok: false, reason: 'unavailable' });
    } finally {
      dead.disconnect();
    }
  });
});
