import { expect, test } from '@playwright/test';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

const PILOT_UNITS = ['南京市建邺区', '无锡市滨湖区', '新沂市', '常州市天宁区', '苏州工业园区', '如皋市', '沭阳县'];

test('a province supervisor signs in and sees the seven pilot units on /regions', async ({ page }) => {
  await signInThroughForm(page, 'supervisor');
  // supervisors land on the alert wall (e2e/wall.spec.ts); the overview is one click away
  await page.goto('/regions');
  const table = page.getByTestId('region-table');
  for (const unit of PILOT_UNITS) await expect(table.getByText(unit, { exact: false }).first()).toBeVisible();
  await expect(table.getByText('试点')).toHaveCount(7);
  await page.screenshot({ path: 'e2e-artifacts/regions-province.png', fullPage: true });
});

test('a supervisor of 建邺区 sees only 建邺区, by page and by API', async ({ page }) => {
  await signInThroughForm(page, 'sup-320105');
  await page.goto('/regions');
  const table = page.getByTestId('region-table');
  await expect(table.getByText('建邺区').first()).toBeVisible();
  for (const other of PILOT_UNITS.filter((unit) => !unit.includes('建邺'))) {
    await expect(table.getByText(other)).toHaveCount(0);
  }
  await page.screenshot({ path: 'e2e-artifacts/regions-jianye.png', fullPage: true });

  const regions = await page.request.get('/api/v1/regions');
  expect(regions.status()).toBe(200);
  const body = (await regions.json()) as { data: { code: string }[] };
  expect(body.data.map((region) => region.code)).toEqual(['320105']);

  const otherUnit = await page.request.get('/api/v1/departments?regionId=320211');
  expect(otherUnit.status()).toBe(403);
  expect(((await otherUnit.json()) as { error: { message: string } }).error.message).toMatch(/管辖范围/);
});

test('a department list is paged with a cursor', async ({ request }) => {
  await signInThroughApi(request, 'supervisor');
  const first = await request.get('/api/v1/departments?regionId=320105&limit=5');
  const page1 = (await first.json()) as { data: { id: number; regionId: string }[]; next: string | null };
  expect(page1.data).toHaveLength(5);
  expect(page1.data.every((d) => d.regionId === '320105')).toBe(true);
  expect(page1.next).not.toBeNull();
  const second = await request.get(`/api/v1/departments?regionId=320105&limit=5&cursor=${page1.next}`);
  const page2 = (await second.json()) as { data: { id: number }[] };
  expect(page2.data[0]!.id).toBeGreaterThan(page1.data[4]!.id);

  const tampered = await request.get('/api/v1/departments?cursor=not-a-cursor');
  expect(tampered.status()).toBe(400);
});

test('/regions without a session leads to the login page, which comes back to /regions', async ({ page }) => {
  await page.goto('/regions');
  await expect(page).toHaveURL(/\/login\?next=%2Fregions/);
  await expect(page.getByText('政务公开在线监督预警平台').first()).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/login.png' });
});

test('pages carry the security headers: a nonce-based CSP, no framing, no sniffing', async ({ page }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  // the page still runs under its own policy: the form is interactive
  await page.getByLabel('用户名').fill('supervisor');
  await expect(page.getByLabel('用户名')).toHaveValue('supervisor');
});
