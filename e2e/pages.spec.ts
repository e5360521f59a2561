import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import postgres from 'postgres';
import { e2eServerInfo } from './support/e2e-database';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

// The catalog, department and item pages a supervisor works from, with screenshots at 1440×900 of each,
// live and empty.

const UNIQUE = Date.now().toString(36);

type ApiList<T> = { data: T[]; next: string | null };

/**
 * A seeded item of 建邺区 whose CMS reported every step, published on time. Looked up rather than picked from a
 * department's recent items, where the items other specs publish by hand (without steps) come first.
 */
async function seededItemWithSteps(): Promise<{ id: number; title: string }> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ id: number; title: string }[]>`
      select i.id::int as id, i.title from items i join obligations o on o.item_id = i.id
      where i.region_code = '320105' and o.state = 'fulfilled' and not o.is_late
        and exists (select 1 from item_events e where e.item_id = i.id and e.kind = 'submitted')
        and exists (select 1 from item_events e where e.item_id = i.id and e.kind = 'reviewed')
      order by i.id limit 1`;
    if (!row) throw new Error('the demo data has no item of 建邺区 with its CMS steps');
    return row;
  } finally {
    await sql.end();
  }
}

/** Lets fonts and charts finish drawing before a screenshot. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

test('the catalog: search, open an entry in the drawer and on its own page, and an empty search', async ({ page }) => {
  await signInThroughForm(page, 'supervisor');
  await page.goto('/catalog');
  const table = page.getByTestId('catalog-table');
  await expect(table.getByTestId('entry-name').first()).toBeVisible();
  await expect(page.getByTestId('domain-tabs')).toContainText('环境保护');
  await page.screenshot({ path: 'e2e-artifacts/catalog.png' });

  await page.getByRole('tab', { name: /环境保护/ }).click();
  await expect(page).toHaveURL(/domain=environment/);
  await page.getByLabel('搜索公开事项').fill('环境影响');
  await page.getByRole('button', { name: /搜\s*索/ }).click();
  await expect(page).toHaveURL(/q=%E7%8E%AF%E5%A2%83%E5%BD%B1%E5%93%8D/);
  const first = table.getByTestId('entry-name').first();
  await expect(first).toContainText('环境影响');
  const name = (await first.textContent())!;

  await first.click();
  const drawer = page.getByTestId('entry-detail');
  await expect(drawer).toBeVisible();
  for (const label of ['公开依据', '公开内容', '必备要素', '公开时限', '公开渠道', '公开方式', '公开对象', '责任岗位']) {
    await expect(drawer.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(drawer).toContainText('公开义务履行情况');
  await expect(drawer).toContainText('按时履行');
  await page.screenshot({ path: 'e2e-artifacts/catalog-drawer.png' });

  await page.getByRole('button', { name: /单独打开/ }).click();
  await expect(page).toHaveURL(/\/catalog\/\d+$/);
  await expect(page.getByTestId('entry-title')).toHaveText(name);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/catalog-entry.png', fullPage: true });

  await page.goto(`/catalog?q=${encodeURIComponent('没有这样的事项')}`);
  await expect(page.getByText(/没有找到符合条件的公开事项/)).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/catalog-empty.png' });
});

test('the department list and one department’s page', async ({ page }) => {
  await signInThroughForm(page, 'supervisor');
  await page.goto('/regions');
  await expect(page.getByTestId('overdue-by-domain')).toBeVisible();
  await page.getByTestId('region-departments-320105').click();
  await expect(page).toHaveURL(/\/departments\?regionId=320105/);
  const table = page.getByTestId('department-table');
  await expect(table.getByTestId('department-link').first()).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/departments.png' });

  // the most overdue department comes first
  await table.getByTestId('department-link').first().click();
  await expect(page).toHaveURL(/\/departments\/\d+$/);
  await expect(page.getByTestId('department-name')).toContainText('建邺');
  for (const section of ['due-soon', 'overdue', 'department-alerts', 'department-items']) {
    await expect(page.getByTestId(section)).toBeVisible();
  }
  await expect(page.getByTestId('overdue').locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByTestId('overdue-by-domain-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('department-items').getByTestId('item-link').first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/department.png', fullPage: true });

  await page.goto('/departments?q=' + encodeURIComponent('不存在的部门'));
  await expect(page.getByText('没有找到符合条件的部门')).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/departments-empty.png' });
});

test('/regions draws overdue obligations by domain for the user’s scope', async ({ page }) => {
  await signInThroughForm(page, 'sup-320105');
  await page.goto('/regions');
  const chart = page.getByTestId('overdue-by-domain');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(chart).toContainText('重大建设项目');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/regions-overdue-by-domain.png', fullPage: true });
});

interface EntryRow {
  code: string;
  requiredElements: string[];
  timeLimit: { kind: string; n?: number };
  mode: string;
}

/** As the 建邺区 department user: an item formed and reported without its 正文, then published complete. */
async function postAndFixItem(request: APIRequestContext): Promise<{ id: number; title: string }> {
  await signInThroughApi(request, 'dept');
  const catalog = (await (await request.get('/api/v1/catalog?limit=500')).json()) as ApiList<EntryRow>;
  const entry = catalog.data.find(
    (e) => e.mode === 'proactive' && e.timeLimit.kind === 'working_days_after' && e.requiredElements.includes('body'),
  )!;
  expect(entry).toBeTruthy();
  const now = Date.now();
  const title = `关于某建设项目环境影响报告表的批复（${UNIQUE}）`;
  const base = {
    externalId: `e2e-pages-${UNIQUE}`,
    catalogCode: entry.code,
    title,
    formedAt: new Date(now - 2 * 3_600_000).toISOString(),
    channels: ['website'],
  };
  const formed = await request.post('/api/v1/items', { data: base });
  expect(formed.status()).toBe(201);
  const { id } = (await formed.json()) as { id: number };
  const published = await request.post('/api/v1/items', {
    data: { ...base, body: '经审查，同意该项目环境影响报告表。', publishedAt: new Date(now - 60_000).toISOString() },
  });
  expect(published.status()).toBe(200);
  return { id, title };
}

test('a CMS reports the internal steps; the item page replays them with the rule check, and explains a deadline across 国庆', async ({
  page,
  request,
}) => {
  await signInThroughApi(request, 'dept');
  const catalog = (await (await request.get('/api/v1/catalog?limit=500')).json()) as ApiList<EntryRow>;
  const entry = catalog.data.find((e) => e.mode === 'proactive' && e.timeLimit.kind === 'working_days_after' && e.timeLimit.n === 20)!;
  expect(entry).toBeTruthy();
  const title = `关于某项目竣工环境保护验收意见的公告（国庆期间，${UNIQUE}）`;
  const posted = await request.post('/api/v1/items', {
    data: {
      externalId: `e2e-national-day-${UNIQUE}`,
      catalogCode: entry.code,
      title,
      // formed on the Monday before 国庆: 20 working days run through the holiday and the 调休 Saturday
      formedAt: '2026-09-28T10:00:00+08:00',
      channels: ['website'],
      steps: [
        { kind: 'submitted', at: '2026-10-12T09:00:00+08:00', actor: '张敏' },
        { kind: 'reviewed', at: '2026-10-13T15:00:00+08:00', actor: '李强', note: '保密审查：不涉及国家秘密' },
        { kind: 'approved', at: '2026-10-14T10:00:00+08:00', actor: '王军' },
      ],
      publishedAt: '2026-10-15T09:00:00+08:00',
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const { id } = (await posted.json()) as { id: number };

  await signInThroughForm(page, 'supervisor');
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId('item-title')).toHaveText(title);
  const timeline = page.getByTestId('item-timeline');
  await expect(timeline.getByTestId('timeline-reviewed')).toContainText('保密审查：不涉及国家秘密');
  await expect(timeline.getByTestId('timeline-approved')).toContainText('王军');
  // the check job ran after the ingest: its record names the rule versions that judged the item
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('item-timeline').getByTestId('timeline-checked').first()).toContainText('检查第 1 版', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await page.getByTestId('obligation-times').getByTestId('deadline-explain').click();
  const explanation = page.getByTestId('deadline-explanation');
  await expect(explanation).toContainText('2026-09-28 起算，当日不计');
  await expect(explanation).toContainText('不计：2026-10-01 至 2026-10-07 国庆节假期（7 天）');
  await expect(explanation).toContainText('计入：2026-10-10（周六） 调休上班');
  await expect(explanation).toContainText('到期：2026-10-30 24:00 前');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/deadline-explanation.png', fullPage: true });
});

test('an item page replays its process: events, the update’s diff, the obligation, and the requirements', async ({ page, request }) => {
  const item = await postAndFixItem(request);
  await signInThroughForm(page, 'supervisor');
  await page.goto(`/items/${item.id}`);
  await expect(page.getByTestId('item-title')).toHaveText(item.title);
  await expect(page.getByTestId('item-state')).toContainText('已公开');

  const timeline = page.getByTestId('item-timeline');
  await expect(timeline.getByTestId('timeline-formed')).toBeVisible();
  await expect(timeline.getByTestId('timeline-published')).toBeVisible();
  await expect(timeline.getByTestId('timeline-obligation_opened')).toBeVisible();
  await expect(timeline.getByTestId('timeline-obligation_fulfilled')).toContainText('按时公开');
  const diff = timeline.getByTestId('timeline-diff');
  await expect(diff.filter({ hasText: '正文' })).toContainText('经审查，同意该项目环境影响报告表。');
  await expect(diff.filter({ hasText: '发布时间' })).toContainText('（空）');

  const requirements = page.getByTestId('requirements-panel');
  await expect(requirements).toContainText('公开依据');
  await expect(requirements).toContainText('公开时限');
  await expect(requirements.getByTestId('obligation-times')).toContainText('公开期限');
  await expect(requirements.getByTestId('requirement-elements')).toContainText('正文');
  await expect(requirements.getByTestId('requirement-channels')).toContainText('政府网站');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/item.png', fullPage: true });

  // a seeded item: the whole formed → submitted → reviewed → approved → published history
  const seeded = await seededItemWithSteps();
  await page.goto(`/items/${seeded.id}`);
  await expect(page.getByTestId('item-title')).toHaveText(seeded.title);
  for (const kind of ['formed', 'submitted', 'reviewed', 'published']) {
    await expect(page.getByTestId(`timeline-${kind}`).first()).toBeVisible();
  }
  await expect(page.getByTestId('requirements-panel')).toBeVisible();

  await page.goto('/items/999999999');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByText('未找到')).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/item-not-found.png' });
});
