// The session route end to end (without HTTP): cookie attributes, logout revoking at once, the contract's errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegionTree, uniqueUsername } from '../../../../lib/auth/test-fixtures';
import { createUser, type User } from '../../../../lib/auth/users';
import { sql } from '../../../../lib/db/sql';
import { getEnv } from '../../../../lib/env';
import { requireApiUser } from '../../../_server/current-user';
import { DELETE, POST } from './route';

const PASSWORD = 'correct-horse-battery';
const ORIGIN = 'http://127.0.0.1:3000';
let user: User;
let addressCounter = 0;

// every test signs in from its own address so per-address limits never spill between tests
const nextAddress = () => `192.0.2.${(addressCounter += 1)}`;

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(`${ORIGIN}/api/v1/session`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', 'x-forwarded-for': nextAddress(), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

function del(cookie: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return DELETE(
    new Request(`${ORIGIN}/api/v1/session`, {
      method: 'DELETE',
      headers: { host: '127.0.0.1:3000', ...(cookie ? { cookie } : {}), ...headers },
    }),
  );
}

const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

beforeAll(async () => {
  const regions = await createRegionTree(sql);
  user = await createUser(sql, {
    username: uniqueUsername('route'),
    displayName: '路由测试',
    password: PASSWORD,
    role: 'supervisor',
    regionCode: regions.city.code,
  });
});

describe('POST /api/v1/session', () => {
  it('signs in: 200 with the user, the landing page and an httpOnly SameSite=Lax cookie', async () => {
    const response = await post({ username: user.username, password: PASSWORD }, { origin: ORIGIN });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: {
        username: user.username,
        displayName: '路由测试',
        role: 'supervisor',
        regionCode: user.regionCode,
        departmentId: null,
      },
      landing: '/',
    });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^dw_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)![1]);
    expect(Math.abs(maxAge - getEnv().SESSION_TTL_HOURS * 3600)).toBeLessThanOrEqual(2);
  });

  it('401 with one message for a wrong password and an unknown user', async () => {
    for (const body of [
      { username: user.username, password: 'wrong-password' },
      { username: uniqueUsername('nobody'), password: PASSWORD },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: '用户名或密码错误' } });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('400 with zh-CN field messages for missing fields, 400 for broken JSON, 415 for another type', async () => {
    const missing = await post({ username: '  ' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: expect.any(String),
        fields: { username: '请输入用户名', password: '请输入密码' },
      },
    });

    const notObject = await post([]);
    expect(notObject.status).toBe(400);

    const broken = await post('{"username": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');

    const form = await post('username=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('403 for a cross-site Origin', async () => {
    const response = await post({ username: user.username, password: PASSWORD }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('429 with Retry-After and a zh-CN wait once the account has failed too often', async () => {
    const victim = await createUser(sql, {
      username: uniqueUsername('victim'),
      displayName: '限流',
      password: PASSWORD,
      role: 'handler',
      regionCode: user.regionCode,
    });
    for (let i = 0; i < getEnv().LOGIN_LIMIT_PER_ACCOUNT; i += 1) {
      expect((await post({ username: victim.username, password: 'wrong' })).status).toBe(401);
    }
    const response = await post({ username: victim.username, password: PASSWORD });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    const body = await response.json();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/^登录失败次数过多，请 \d+ (秒|分钟)后再试$/);
  });
});

describe('DELETE /api/v1/session', () => {
  it('logs out: 204, the cookie is cleared, and the old cookie gets 401 at once', async () => {
    const cookie = cookieOf(await post({ username: user.username, password: PASSWORD }));
    const signedIn = await requireApiUser(new Request(`${ORIGIN}/api/v1/regions`, { headers: { cookie } }));
    expect(signedIn).not.toBeInstanceOf(Response);

    const response = await del(cookie, { origin: ORIGIN });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^dw_session=; Path=\/; Max-Age=0/);

    const after = await requireApiUser(new Request(`${ORIGIN}/api/v1/regions`, { headers: { cookie } }));
    expect(after).toBeInstanceOf(Response);
    expect((after as Response).status).toBe(401);
    expect((await del(cookie)).status).toBe(401);
  });

  it('401 without a session, 403 cross-site', async () => {
    const response = await del(null);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: '尚未登录或登录已过期' } });
    const cookie = cookieOf(await post({ username: user.username, password: PASSWORD }));
    expect((await del(cookie, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('requireApiUser', () => {
  it('gives the scope of the signed-in user and refuses other roles with 403', async () => {
    const cookie = cookieOf(await post({ username: user.username, password: PASSWORD }));
    const request = () => new Request(`${ORIGIN}/api/v1/rules`, { headers: { cookie } });
    const current = await requireApiUser(request());
    if (current instanceof Response) throw new Error('expected a user');
    expect(current.scope).toEqual({
      userId: user.id,
      username: user.username,
      role: 'supervisor',
      regionCode: user.regionCode,
      regionPath: user.regionPath,
      departmentId: null,
    });
    expect((await requireApiUser(request(), 'actOnAlerts')) instanceof Response).toBe(false);
    const refused = await requireApiUser(request(), 'administer');
    expect((refused as Response).status).toBe(403);
  });
});
