import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './support/choose-option';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

// 我的工作台 (issue 18): the 建邺区 department user lands on their workspace, publishes by hand the item of an
// overdue obligation and sees it leave the overdue list, then publishes one without a required element and
// sees it accepted with its alert. Screenshots at 1440×900 of each step.

const UNIQUE = Date.now().toString(36);

type ApiList<T> = { data: T[]; next: string | null };

interface EntryRow {
  id: number;
  code: string;
  name: string;
  requiredElements: string[];
  timeLimit: { kind: string; n?: number };
  mode: string;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

const countOf = async (page: Page, list: 'overdue' | 'alerts') =>
  Number((await page.getByTestId(`count-${list}`).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
const overdueCount = (page: Page) => countOf(page, 'overdue');

test('a department user lands on the workspace, publishes an overdue item by hand and an incomplete one that raises its alert', async ({
  page,
  playwright,
  baseURL,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  // the department's CMS reported an item formed long ago and never published: its obligation is overdue
  const cms = await playwright.request.newContext({ baseURL });
  await signInThroughApi(cms, 'dept');
  const catalog = (await (await cms.get('/api/v1/catalog?limit=500')).json()) as ApiList<EntryRow>;
  const entry = catalog.data.find((e) => e.mode === 'proactive' && e.timeLimit.kind === 'working_days_after' && e.requiredElements.includes('body'));
  expect(entry, 'the demo department has an entry that requires 正文').toBeTruthy();
  const overdueTitle = `关于某建设项目环境影响报告书的批复（手工补报 ${UNIQUE}）`;
  const formed = await cms.post('/api/v1/items', {
    data: { externalId: `e2e-workspace-${UNIQUE}`, catalogCode: entry!.code, title: overdueTitle, formedAt: '2023-06-01T10:00:00+08:00', channels: [] },
  });
  expect(formed.status()).toBe(201);
  await cms.dispose();

  // signing in lands on the workspace
  await signInThroughForm(page, 'dept');
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole('heading', { name: '我的工作台' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '我的工作台' })).toBeVisible();
  const overdue = page.getByTestId('workspace-overdue');
  const overdueRow = overdue.locator('tr', { hasText: overdueTitle });
  await expect(overdueRow).toBeVisible();
  // 20 working days from 2023-06-01, across the 端午 holiday
  await expect(overdueRow).toContainText(/2023-0[67]-\d{2} 前/);
  const before = await overdueCount(page);
  expect(before).toBeGreaterThan(0);
  // every open alert names its fix
  const alerts = page.getByTestId('workspace-alerts');
  await expect(alerts.getByTestId('alert-fix').first()).toHaveText(/发布|补全要素|补发渠道|投诉件|派单/);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/workspace.png' });
  await page.screenshot({ path: 'e2e-artifacts/workspace-full.png', fullPage: true });

  // 计算依据 of the overdue deadline
  await overdueRow.getByTestId('deadline-explain').click();
  await expect(page.getByTestId('deadline-explanation')).toContainText(/到期：2023-0[67]-\d{2} 24:00 前/);
  await page.keyboard.press('Escape');

  // publish it by hand: the form opens prefilled with the stored item
  await overdueRow.getByTestId('obligation-publish').click();
  await expect(page).toHaveURL(/\/workspace\/publish\?item=\d+$/);
  const form = page.getByTestId('publish-form');
  await expect(form.getByLabel('标题')).toHaveValue(overdueTitle);
  await expect(page.getByTestId('publish-requirements')).toContainText(entry!.code);
  await form.getByLabel(/^正文/).fill('　　经审查，同意该项目环境影响报告书。');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/workspace-publish-form.png', fullPage: true });
  await page.getByTestId('publish-submit').click();
  const result = page.getByTestId('publish-result');
  await expect(result).toContainText('已更正');
  await page.getByTestId('back-to-workspace').click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByTestId('workspace-overdue').locator('tr', { hasText: overdueTitle })).toHaveCount(0);
  expect(await overdueCount(page)).toBe(before - 1);

  // a bad draft is refused with zh-CN messages, before anything is sent
  await page.getByTestId('publish-new').click();
  await expect(page).toHaveURL(/\/workspace\/publish$/);
  await page.getByTestId('publish-submit').click();
  await expect(page.getByText('请填写标题')).toBeVisible();
  // a publication time before the item was formed is refused on the form, in zh-CN
  const publishedAt = page.getByTestId('publish-form').getByLabel('发布时间', { exact: true });
  await publishedAt.click();
  await publishedAt.fill('2020-01-02 10:00');
  await publishedAt.press('Enter');
  await page.getByTestId('publish-submit').click();
  await expect(page.getByText('发布时间早于信息形成日期')).toBeVisible();
  await page.goto('/workspace/publish');

  // a new item without its 正文: accepted, and the form says an alert follows
  await chooseOption(page, '目录事项', `${entry!.code} ${entry!.name}`);
  const incompleteTitle = `关于某项目环境影响报告表的批复（缺正文 ${UNIQUE}）`;
  await page.getByTestId('publish-form').getByLabel('标题').fill(incompleteTitle);
  await expect(page.getByTestId('publish-will-alert')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/workspace-publish-incomplete-form.png', fullPage: true });
  await page.getByTestId('publish-submit').click();
  await expect(page.getByTestId('publish-result')).toContainText('已报送');
  await expect(page.getByTestId('publish-incomplete')).toContainText('缺少正文');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/workspace-publish-incomplete.png' });

  // the check worker raises the completeness alert (asked through the API until it has)…
  await expect
    .poll(async () => {
      const list = (await (await page.request.get('/api/v1/alerts?state=open&limit=50')).json()) as ApiList<{ subject: { title: string } }>;
      return list.data.some((alert) => alert.subject.title === incompleteTitle);
    }, { timeout: 30_000 })
    .toBe(true);
  // …and it shows among the workspace's alerts with its fix; the list is ordered most severe first, so the user
  // shows more until it is among the rows
  await page.getByTestId('back-to-workspace').click();
  await expect(page).toHaveURL(/\/workspace$/);
  const rows = page.getByTestId('workspace-alert');
  const incompleteAlert = rows.filter({ hasText: incompleteTitle });
  while ((await incompleteAlert.count()) === 0) {
    const shown = await rows.count();
    await page.getByTestId('more-alerts').click();
    await expect(rows).not.toHaveCount(shown);
  }
  await expect(incompleteAlert).toContainText('缺少正文');
  await expect(incompleteAlert.getByTestId('alert-fix')).toContainText('补全要素：');
  await expect(incompleteAlert.getByTestId('alert-fix')).toContainText('正文');
  await incompleteAlert.scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/workspace-alert.png' });

  // its fix opens the item to correct it
  await incompleteAlert.getByTestId('alert-fix').click();
  await expect(page).toHaveURL(/\/workspace\/publish\?item=\d+$/);
  await expect(page.getByTestId('publish-form').getByLabel('标题')).toHaveValue(incompleteTitle);

  // the workspace follows the department's alerts live: an incomplete item from the CMS raises the count, no reload
  await page.goto('/workspace');
  await expect(page.getByTestId('workspace-live')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  const alertsBefore = await countOf(page, 'alerts');
  const later = await playwright.request.newContext({ baseURL });
  await signInThroughApi(later, 'dept');
  const posted = await later.post('/api/v1/items', {
    data: {
      externalId: `e2e-workspace-live-${UNIQUE}`,
      catalogCode: entry!.code,
      title: `关于某项目环境影响报告表的批复（实时 ${UNIQUE}）`,
      formedAt: new Date(Date.now() - 3_600_000).toISOString(),
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      channels: ['website'],
    },
  });
  expect(posted.status()).toBe(201);
  await later.dispose();
  await expect.poll(() => countOf(page, 'alerts'), { timeout: 30_000 }).toBeGreaterThan(alertsBefore);
  expect(pageErrors).toEqual([]);
});
