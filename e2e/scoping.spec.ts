import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

// A supervisor of one pilot unit (建邺区, 320105) cannot see or open another unit's (滨湖区, 320211)
// alerts, items, departments or catalog entries: lists leave them out, pages answer 无权查看, the API 403.
// The 滨湖区 records are made the way a CMS makes them: an incomplete item posted with the department's
// API key, whose completeness alert the check worker raises.

const BINHU = '320211';
const BINHU_DEPARTMENT_CODE = '320211-ecology';
const UNIQUE = `${Date.now().toString(36)}`;
const ITEM_TITLE = `滨湖区环评批复（权限测试 ${UNIQUE}）`;

interface Fixture {
  departmentId: number;
  entryId: number;
  entryName: string;
  itemId: number;
  alertId: number;
}

let fixture: Fixture;

type ApiList<T> = { data: T[]; next: string | null };

/** A new ingest key of the 滨湖区 department, through `npm run apikey` against the e2e database. */
function createBinhuApiKey(): string {
  const port = process.env.E2E_PORT ?? '3199';
  const info = JSON.parse(readFileSync(path.join(tmpdir(), `dw-e2e-${port}.json`), 'utf8')) as Record<string, string>;
  const run = spawnSync('node', ['--import', 'tsx', 'scripts/apikey.ts', '--department', BINHU_DEPARTMENT_CODE, '--label', 'e2e scoping'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: info.DATABASE_URL, REDIS_PREFIX: info.REDIS_PREFIX, LOG_LEVEL: 'warn' },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').pop()!.trim();
}

interface EntryRow {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  requiredElements: string[];
  timeLimit: { kind: string };
  mode: string;
}

/** An entry an incomplete item can be posted under: proactive, a working-day limit, 正文 required. */
async function findEntry(request: APIRequestContext, query: string): Promise<EntryRow> {
  const catalog = (await (await request.get(`/api/v1/catalog?${query}&limit=500`)).json()) as ApiList<EntryRow>;
  const entry = catalog.data.find(
    (e) => e.mode === 'proactive' && e.timeLimit.kind === 'working_days_after' && e.requiredElements.includes('body'),
  );
  expect(entry, `an entry with a working-day limit (${query})`).toBeTruthy();
  return entry!;
}

/** Posts an item published a minute ago without its 正文 and waits for the check worker's alert on it. */
async function postIncompleteItem(
  poster: APIRequestContext,
  reader: APIRequestContext,
  entry: EntryRow,
  title: string,
): Promise<{ itemId: number; alertId: number }> {
  const now = Date.now();
  const posted = await poster.post('/api/v1/items', {
    data: {
      externalId: `e2e-scoping-${UNIQUE}-${entry.code}`,
      catalogCode: entry.code,
      title,
      formedAt: new Date(now - 3 * 3_600_000).toISOString(),
      publishedAt: new Date(now - 60_000).toISOString(),
      channels: ['website'],
    },
  });
  expect(posted.status()).toBe(201);
  const { id: itemId } = (await posted.json()) as { id: number };
  let alertId = 0;
  await expect
    .poll(
      async () => {
        const alerts = (await (await reader.get(`/api/v1/alerts?departmentId=${entry.departmentId}&limit=100`)).json()) as ApiList<{
          id: number;
          itemId: number | null;
        }>;
        alertId = alerts.data.find((a) => a.itemId === itemId)?.id ?? 0;
        return alertId;
      },
      { timeout: 15_000, message: 'the check worker raises the item’s alert' },
    )
    .toBeGreaterThan(0);
  return { itemId, alertId };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, baseURL }) => {
  const province = await playwright.request.newContext({ baseURL });
  await signInThroughApi(province, 'supervisor');
  const departments = (await (await province.get(`/api/v1/departments?regionId=${BINHU}&limit=500`)).json()) as ApiList<{
    id: number;
    code: string;
  }>;
  const department = departments.data.find((d) => d.code === BINHU_DEPARTMENT_CODE);
  expect(department, '滨湖区生态环境局').toBeTruthy();
  const binhuEntry = await findEntry(province, `departmentId=${department!.id}`);

  // 滨湖区: a CMS with the department's API key; 建邺区: the department user `dept`, so the 建邺区 wall has an alert too
  const cms = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${createBinhuApiKey()}` } });
  const binhu = await postIncompleteItem(cms, province, binhuEntry, ITEM_TITLE);
  const dept = await playwright.request.newContext({ baseURL });
  await signInThroughApi(dept, 'dept');
  await postIncompleteItem(dept, province, await findEntry(dept, 'domain=environment'), `建邺区环评批复（权限测试 ${UNIQUE}）`);

  fixture = { departmentId: department!.id, entryId: binhuEntry.id, entryName: binhuEntry.name, ...binhu };
  await Promise.all([province.dispose(), cms.dispose(), dept.dispose()]);
});

test('the API answers 403 for 滨湖区 records and leaves them out of 建邺区 lists', async ({ request }) => {
  await signInThroughApi(request, 'sup-320105');

  const timeline = await request.get(`/api/v1/items/${fixture.itemId}/timeline`);
  expect(timeline.status()).toBe(403);
  expect(await timeline.text()).not.toContain(ITEM_TITLE);
  expect((await request.get(`/api/v1/departments/${fixture.departmentId}`)).status()).toBe(403);
  expect((await request.get(`/api/v1/departments?regionId=${BINHU}`)).status()).toBe(403);
  expect((await request.get(`/api/v1/catalog/${fixture.entryId}`)).status()).toBe(403);
  expect((await request.get(`/api/v1/catalog?departmentId=${fixture.departmentId}`)).status()).toBe(403);
  const ack = await request.post(`/api/v1/alerts/${fixture.alertId}/ack`);
  expect(ack.status()).toBe(403);

  const departments = (await (await request.get('/api/v1/departments?limit=500')).json()) as ApiList<{ regionId: string }>;
  expect(departments.data.length).toBeGreaterThan(0);
  expect(departments.data.every((d) => d.regionId === '320105')).toBe(true);
  const catalog = (await (await request.get('/api/v1/catalog?limit=500')).json()) as ApiList<{ regionId: string; id: number }>;
  expect(catalog.data.length).toBeGreaterThan(0);
  expect(catalog.data.every((e) => e.regionId === '320105')).toBe(true);
  const alerts = (await (await request.get('/api/v1/alerts?limit=500')).json()) as ApiList<{ id: number; regionId: string }>;
  expect(alerts.data.every((a) => a.regionId === '320105')).toBe(true);
  expect(alerts.data.some((a) => a.id === fixture.alertId)).toBe(false);

  // the province supervisor above both units reads the same records
  await signInThroughApi(request, 'supervisor');
  expect((await request.get(`/api/v1/items/${fixture.itemId}/timeline`)).status()).toBe(200);
  expect((await request.get(`/api/v1/departments/${fixture.departmentId}`)).status()).toBe(200);
});

async function expectDenied(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(403);
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByText('无权查看')).toBeVisible();
  await expect(page.getByText(ITEM_TITLE)).toHaveCount(0);
  await expect(page.getByText(fixture.entryName)).toHaveCount(0);
}

test('opening 滨湖区 records by URL shows 无权查看, never the record', async ({ page }) => {
  await signInThroughForm(page, 'sup-320105');
  await expectDenied(page, `/items/${fixture.itemId}`);
  await page.screenshot({ path: 'e2e-artifacts/forbidden-item.png' });
  await expectDenied(page, `/departments/${fixture.departmentId}`);
  await expectDenied(page, `/catalog/${fixture.entryId}`);
  await expectDenied(page, `/departments?regionId=${BINHU}`);
  await expectDenied(page, `/catalog?departmentId=${fixture.departmentId}`);
});

test('建邺区 lists and the alert wall show no 滨湖区 record', async ({ page }) => {
  await signInThroughForm(page, 'sup-320105');

  await page.goto('/departments');
  const departments = page.getByTestId('department-table');
  await expect(departments.getByTestId('department-link').first()).toBeVisible();
  await expect(departments.getByText(/滨湖/)).toHaveCount(0);

  await page.goto(`/catalog?q=${encodeURIComponent(fixture.entryName)}`);
  const catalog = page.getByTestId('catalog-table');
  await expect(catalog.getByTestId('entry-name').first()).toBeVisible();
  await expect(catalog.getByText(/滨湖/)).toHaveCount(0);

  await page.goto('/');
  await expect(page.getByTestId('alert-row').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('滨湖');

  // while the province supervisor sees the 滨湖区 item and its alert
  await page.context().clearCookies();
  await signInThroughForm(page, 'supervisor');
  await page.goto(`/items/${fixture.itemId}`);
  await expect(page.getByTestId('item-title')).toHaveText(ITEM_TITLE);
  await expect(page.getByTestId('item-alerts')).toContainText('缺少正文');
});
