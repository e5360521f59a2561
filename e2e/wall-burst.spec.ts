// 监督总览 in a burst (issue 18.1): 2,000 alerts arrive in 建邺区 at once; the wall groups them by department and
// rule (collapsible, with counts) and by item, a search narrows the list and the counters with it, a bulk
// acknowledgement of the ticked rows applies in one request, and three ticked by hand are resolved with one
// reason. The list draws only the rows in view however many are loaded. Screenshots at 1440×900 of the grouped
// wall, the search, the ticked rows and the bulk action.
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { e2eServerInfo } from './support/e2e-database';
import { chooseOption } from './support/choose-option';
import { signInThroughForm } from './support/sign-in';

const UNIQUE = Date.now().toString(36);
const BURST = 2_000;
// g % 3: 0 yellow 索引号 (completeness), 1 orange 发布机构 (completeness), 2 red 渠道 (channel, on the subject of 1)
const BATCH = { yellow: `${UNIQUE}-A`, orange: `${UNIQUE}-B`, red: `${UNIQUE}-C` };
const perKind = (remainder: number) => Math.floor((BURST - 1 - remainder) / 3) + 1;

/** The burst, as the check jobs would raise it for a flood of incomplete items: open alerts and their events. */
async function insertBurst(): Promise<{ departments: string[] }> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      // the lock every alert change holds (lib/alerts/alert-seq-lock.ts): seqs in commit order
      await tx`select pg_advisory_xact_lock(727115310)`;
      const departments = await tx<{ id: number; name: string }[]>`
        select id, name from departments where region_code = '320105' order by id limit 4`;
      const [rules] = await tx<{ completeness: number; channel: number }[]>`
        select (select id from rules where kind = 'completeness' order by id limit 1) as completeness,
          (select id from rules where kind = 'channel' order by id limit 1) as channel`;
      const base = 9_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
      const now = Date.now();
      const rows = Array.from({ length: BURST }, (_, g) => {
        const kind = g % 3;
        const department = departments[g % departments.length]!;
        return {
          rule_id: kind === 2 ? rules!.channel : rules!.completeness,
          rule_kind: kind === 2 ? 'channel' : 'completeness',
          level: kind === 0 ? 'yellow' : kind === 1 ? 'orange' : 'red',
          state: 'open',
          subject_type: 'item',
          subject_id: kind === 2 ? base + g - 1 : base + g,
          department_id: department.id,
          region_code: '320105',
          domain: 'budgets',
          message:
            kind === 0
              ? `要素不全：缺少索引号（批次 ${BATCH.yellow}）`
              : kind === 1
                ? `要素不全：缺少发布机构（批次 ${BATCH.orange}）`
                : `渠道不全：未在政务微博发布（批次 ${BATCH.red}）`,
          opened_at: new Date(now - (BURST - g) * 100),
          updated_at: new Date(now - (BURST - g) * 100),
        };
      });
      for (let start = 0; start < rows.length; start += 500) {
        const inserted = await tx<{ id: number }[]>`insert into alerts ${tx(rows.slice(start, start + 500))} returning id`;
        await tx`
          insert into alert_events (alert_id, seq, kind, at, actor, to_level, note)
          select a.id, a.seq, 'opened', a.opened_at, 'system', a.level, a.message from alerts a
          where a.id = any(${inserted.map((row) => row.id)})`;
      }
      return { departments: departments.map((d) => d.name) };
    });
  } finally {
    await sql.end();
  }
}

const counter = async (page: Page, level: string) =>
  Number((await page.getByTestId(`counter-${level}`).getByTestId('counter-value').innerText()).replace(/[^\d]/g, ''));

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('filter-search').locator('input');
  await box.fill(text);
  await box.press('Enter');
}

test('a burst of 2,000 alerts: grouped, searched, acknowledged in bulk', async ({ browser }) => {
  test.setTimeout(180_000);
  const { departments } = await insertBurst();
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, 'sup-320105');
  await expect(page.getByTestId('alert-wall')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await expect(page.getByTestId('alert-row').first()).toBeVisible();

  // ——— grouped by department and rule: a header per group with its count, collapsible ———
  await chooseOption(page, '分组', '按部门与规则分组');
  const groups = page.getByTestId('alert-group');
  await expect(groups.first()).toBeVisible();
  const firstGroup = groups.first();
  await expect(firstGroup).toContainText(departments[3]!);
  await expect(firstGroup.getByTestId('alert-group-count')).toHaveText(/^已加载 \d+ 条$/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e-artifacts/wall-burst-grouped.png' });

  const rowsBefore = await page.getByTestId('alert-row').count();
  await firstGroup.getByTestId('alert-group-toggle').click();
  await expect(firstGroup.getByTestId('alert-group-toggle')).toHaveAttribute('aria-expanded', 'false');
  // the collapsed group's rows are gone and the next group's header moved up under it
  await expect.poll(async () => (await groups.nth(1).boundingBox())!.y - (await firstGroup.boundingBox())!.y).toBe(40);
  expect(rowsBefore).toBeGreaterThan(0);
  await firstGroup.getByTestId('alert-group-toggle').click();

  // ——— by item: the channel and completeness alerts of one subject together ———
  await chooseOption(page, '分组', '按事项分组');
  // newest first: 1999 (orange, its channel alert would be the 2001st), 1998 (yellow), then 1997 + 1996
  await expect(groups.nth(2).getByTestId('alert-group-count')).toHaveText('已加载 2 条');
  await expect(groups.nth(0).getByTestId('alert-group-count')).toHaveText('已加载 1 条');

  // ——— a search narrows the list, and the counters follow it ———
  await chooseOption(page, '分组', '不分组');
  await search(page, BATCH.orange);
  await expect(page).toHaveURL(new RegExp(`q=${BATCH.orange}`));
  await expect.poll(() => counter(page, 'orange')).toBe(perKind(1));
  expect(await counter(page, 'red')).toBe(0);
  expect(await counter(page, 'yellow')).toBe(0);
  const rows = page.getByTestId('alert-row');
  await expect(rows.first()).toContainText(BATCH.orange);
  for (const text of await page.getByTestId('alert-message').allInnerTexts()) expect(text).toContain(BATCH.orange);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e-artifacts/wall-burst-search.png' });

  // ——— tick what is shown and acknowledge it in one action ———
  await page.getByTestId('alert-tick-all').click();
  const ticked = Number((await page.getByTestId('bulk-count').innerText()).replace(/[^\d]/g, ''));
  expect(ticked).toBeGreaterThanOrEqual(50);
  expect(ticked).toBeLessThanOrEqual(500);
  await page.screenshot({ path: 'e2e-artifacts/wall-burst-ticked.png' });
  await page.getByTestId('bulk-ack').click();
  await expect(page.getByText(`已确认 ${ticked} 条预警`)).toBeVisible();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  // the changes come back over the socket: rows and counters show them
  await expect(rows.first()).toHaveAttribute('data-state', 'acknowledged', { timeout: 15_000 });
  await expect(page.getByTestId('counter-total')).toContainText(`已确认 ${ticked}`, { timeout: 15_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e-artifacts/wall-burst-bulk.png' });

  // ——— three ticked by hand, resolved in bulk with one reason ———
  for (let i = 0; i < 3; i += 1) await rows.nth(i).getByTestId('alert-tick').click();
  await expect(page.getByTestId('bulk-count')).toHaveText('已选 3 条');
  await page.getByTestId('bulk-resolve').click();
  const dialog = page.getByRole('dialog', { name: '批量解除 3 条预警' });
  await dialog.getByRole('button', { name: /解\s*除/ }).click();
  await expect(dialog.getByText('请填写解除原因')).toBeVisible();
  await dialog.getByLabel('解除原因').fill('经核实均已在政务服务中心公开栏公开');
  await dialog.getByRole('button', { name: /解\s*除/ }).click();
  await expect(page.getByText('已解除 3 条预警')).toBeVisible();
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'resolved', { timeout: 15_000 });
  await expect.poll(() => counter(page, 'orange'), { timeout: 15_000 }).toBe(perKind(1) - 3);

  // ——— however many rows are loaded, only those in view are drawn ———
  await search(page, UNIQUE);
  await expect.poll(async () => (await counter(page, 'yellow')) + (await counter(page, 'orange')) + (await counter(page, 'red'))).toBe(BURST - 3);
  const list = page.getByTestId('alert-list');
  for (let i = 0; i < 6; i += 1) {
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await page.waitForTimeout(400);
  }
  const shown = Number((await page.getByTestId('filter-count').innerText()).replace(/已显示 ([\d,]+) 条.*/, '$1').replace(/,/g, ''));
  expect(shown).toBeGreaterThanOrEqual(200);
  expect(await rows.count()).toBeLessThan(60);
});
