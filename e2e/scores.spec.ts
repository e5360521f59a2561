import { expect, test, type Page } from '@playwright/test';
import { signInThroughForm } from './support/sign-in';

// 考核评分: a leader lands on the league table, drills into the last-ranked scored department of a county and
// follows one of its deductions to the item's replay (完整还原). Screenshots at 1440×900 of every page.

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

test('a leader lands on the league table, drills into the last department and follows a deduction to the item', async ({ page }) => {
  await signInThroughForm(page, 'leader');
  await expect(page).toHaveURL(/\/scores$/);
  const table = page.getByTestId('league-table');
  await expect(table.getByTestId('score-department-link').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toContainText('考核评分');
  await expect(table.getByRole('columnheader', { name: '较上月' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-league.png' });

  // one county: its last page, and on it the last department that has a score (— rows rank last)
  await page.goto('/scores?regionId=320105');
  await expect(table.getByTestId('score-department-link').first()).toBeVisible();
  const rows = table.locator('tbody tr.ant-table-row');
  const pages = await page.locator('.ant-pagination-item').count();
  let target = -1;
  // from the last page backwards, the last row with a score
  for (let n = Math.max(pages, 1); n >= 1 && target < 0; n -= 1) {
    if (n > 1) {
      await page.goto(`/scores?regionId=320105&page=${n}`);
    } else if (pages > 1) {
      await page.goto('/scores?regionId=320105');
    }
    await expect(table.getByTestId('score-department-link').first()).toBeVisible();
    const totals = await rows.getByTestId('score-total').allTextContents();
    for (let i = totals.length - 1; i >= 0; i -= 1) {
      if (totals[i]!.trim() !== '—') {
        target = i;
        break;
      }
    }
  }
  expect(target).toBeGreaterThanOrEqual(0);
  const name = (await rows.nth(target).getByTestId('score-department-link').textContent())!;
  await page.screenshot({ path: 'e2e-artifacts/scores-county-last-page.png' });
  await rows.nth(target).getByTestId('score-department-link').click();

  await expect(page).toHaveURL(/\/scores\/departments\/\d+\?period=\d{4}-\d{2}/);
  await expect(page.getByRole('heading', { level: 3 })).toContainText(name);
  await expect(page.getByText('指标明细')).toBeVisible();
  await expect(page.getByText('公开及时率').first()).toBeVisible();
  const losses = page.getByTestId('loss-table');
  const row = losses.locator('tbody tr').filter({ has: page.getByTestId('loss-item-link') }).first();
  const link = row.getByTestId('loss-item-link');
  await expect(link).toBeVisible();
  expect(await row.textContent()).toMatch(/公开|预警/);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-department.png', fullPage: true });

  await link.click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await expect(page.getByText('完整还原').first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-item-replay.png' });
});

test('the position league table and an empty month', async ({ page }) => {
  await signInThroughForm(page, 'leader');
  await page.goto('/scores?subject=position');
  await expect(page.getByTestId('league-table').getByTestId('score-department-link').first()).toBeVisible();
  await expect(page.getByTestId('league-table').getByRole('columnheader', { name: '岗位' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-positions.png' });

  await page.goto('/scores?period=2001-01');
  await expect(page.getByText('2001年1月尚无评分')).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/scores-empty.png' });
});
