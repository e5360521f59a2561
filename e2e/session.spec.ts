import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signInThroughApi, signInThroughForm } from './support/sign-in';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

test('bad sign-in input is refused with a zh-CN message and no stack trace', async ({ request }) => {
  const empty = await request.post('/api/v1/session', { data: { username: '', password: '' } });
  expect(empty.status()).toBe(400);
  const emptyBody = (await empty.json()) as ErrorBody;
  expect(Object.keys(emptyBody.error.fields ?? {})).toEqual(expect.arrayContaining(['username', 'password']));

  const malformed = await request.post('/api/v1/session', {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from('{"username": '),
  });
  expect(malformed.status()).toBe(400);
  const text = await malformed.text();
  expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  expect(((JSON.parse(text) as ErrorBody).error.message)).toMatch(/JSON/);

  const form = await request.post('/api/v1/session', { form: { username: 'admin', password: DEMO_PASSWORD } });
  expect(form.status()).toBe(415);

  const wrong = await request.post('/api/v1/session', { data: { username: 'admin', password: 'wrong-password' } });
  expect(wrong.status()).toBe(401);
  expect(((await wrong.json()) as ErrorBody).error.message).toBe('用户名或密码错误');
});

test('logging out makes the same cookie get 401 at once', async ({ request }) => {
  await signInThroughApi(request, 'leader');
  expect((await request.get('/api/v1/regions')).status()).toBe(200);
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name === 'dw_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');

  expect((await request.delete('/api/v1/session')).status()).toBe(204);
  // replay the old cookie explicitly: the server-side session is gone
  const replay = await request.get('/api/v1/regions', { headers: { cookie: `dw_session=${cookie!.value}` } });
  expect(replay.status()).toBe(401);
});

test('a tampered cookie is refused: 401 from the API, the login page for pages', async ({ page, request }) => {
  const api = await request.get('/api/v1/regions', { headers: { cookie: 'dw_session=forged-token-value' } });
  expect(api.status()).toBe(401);
  expect(((await api.json()) as ErrorBody).error.code).toBe('unauthenticated');

  await page.context().addCookies([{ name: 'dw_session', value: 'forged%00token', url: 'http://127.0.0.1:3199' }]);
  await page.goto('/regions');
  await expect(page).toHaveURL(/\/login/);
});

test('repeated wrong passwords for one account are throttled with 429 and Retry-After', async ({ request }) => {
  let last = await request.post('/api/v1/session', { data: { username: 'handler', password: 'nope-1' } });
  for (let attempt = 2; attempt <= 6 && last.status() !== 429; attempt += 1) {
    last = await request.post('/api/v1/session', { data: { username: 'handler', password: `nope-${attempt}` } });
  }
  expect(last.status()).toBe(429);
  expect(Number(last.headers()['retry-after'])).toBeGreaterThan(0);
  expect(((await last.json()) as ErrorBody).error.message).toMatch(/[分秒]/);
  // even the right password waits until the block ends
  const right = await request.post('/api/v1/session', { data: { username: 'handler', password: DEMO_PASSWORD } });
  expect(right.status()).toBe(429);
});

test('a state-changing request from another site is refused', async ({ request }) => {
  const response = await request.post('/api/v1/session', {
    headers: { origin: 'https://evil.example' },
    data: { username: 'admin', password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(403);
});

test('signing out in another tab ends the wall’s session: it says 登录已失效 and lands on /login, then back', async ({ browser }) => {
  const context = await browser.newContext();
  const wall = await context.newPage();
  await signInThroughForm(wall, 'supervisor');
  await expect(wall.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });

  // the same browser, another tab: 退出
  const other = await context.newPage();
  await other.goto('/regions');
  // the wall shows it for 2 s before it leaves: watch from before the click, so a slow tab cannot miss it
  const noticeShown = wall.waitForSelector('[data-testid="session-ended"]:has-text("登录已失效，请重新登录")');
  const badgeShown = wall.waitForSelector('[data-testid="connection-status"][data-status="signedOut"]');
  await other.getByRole('button', { name: /退\s*出/ }).click();
  await Promise.all([noticeShown, badgeShown]);
  await expect(other).toHaveURL(/\/login/);
  await wall.waitForURL(/\/login\?next=%2F&reason=session-ended$/);
  await expect(wall.getByTestId('login-session-ended')).toContainText('登录已失效，请重新登录');
  await wall.waitForTimeout(300);
  await wall.screenshot({ path: 'e2e-artifacts/login-session-ended.png' });

  // signing in again returns to the wall
  await wall.getByLabel('用户名').fill('supervisor');
  await wall.getByLabel('密码').fill(DEMO_PASSWORD);
  await wall.getByRole('button', { name: /登\s*录/ }).click();
  await wall.waitForURL((url) => url.pathname === '/');
  await expect(wall.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await context.close();
});
