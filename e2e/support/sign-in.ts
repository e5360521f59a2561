import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** Signs in through the /login page, as a person would. */
export async function signInThroughForm(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Signs in through the API; the request context keeps the cookie. */
export async function signInThroughApi(request: APIRequestContext, username: string): Promise<void> {
  const response = await request.post('/api/v1/session', { data: { username, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
}
