import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './support/choose-option';
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

/** The month before the current one in Asia/Shanghai, as the pages name it (2026年11月). */
function lastCompleteMonthLabel(): string {
  const [year, month] = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}年12月` : `${year}年${month - 1}月`;
}

test('a leader opens on the last complete month: shared ranks say 并列, nothing due ranks —; the running month is labelled and not compared', async ({
  page,
}) => {
  await signInThroughForm(page, 'leader');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(`考核评分 · ${lastCompleteMonthLabel()}`);

  // a county with departments that had nothing due: their rank is —, after every scored row
  await page.goto('/scores?regionId=320105');
  const table = page.getByTestId('league-table');
  await expect(table.getByTestId('score-department-link').first()).toBeVisible();
  const rows = table.locator('tbody tr.ant-table-row');
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      rank: tr.querySelector('[data-testid="score-rank"]')?.textContent ?? '',
      tied: tr.querySelector('[data-testid="score-rank"]')?.getAttribute('data-tied') === 'true',
      total: tr.querySelector('[data-testid="score-total"]')?.textContent ?? '',
    })),
  );
  expect(cells.length).toBeGreaterThan(0);
  let seenNothingDue = false;
  for (const [i, cell] of cells.entries()) {
    if (cell.total === '—') {
      seenNothingDue = true;
      expect(cell.rank).toBe('—');
      continue;
    }
    expect(seenNothingDue, 'a scored row after a row with nothing due').toBe(false);
    // equal totals share one rank and both say 并列; a total of its own does not
    const sameTotal = cells.filter((other) => other.total === cell.total);
    expect(cell.tied).toBe(sameTotal.length > 1);
    if (cell.tied) expect(cell.rank).toMatch(/^\d+并列$/);
    if (i > 0 && cells[i - 1]!.total === cell.total) expect(cell.rank).toBe(cells[i - 1]!.rank);
  }
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-county-ranks.png', fullPage: true });

  // the running month is one click away, named as running, and not compared with a finished one
  await chooseOption(page, '月份', '本月（进行中，截至');
  await expect(page).toHaveURL(/period=\d{4}-\d{2}/);
  await expect(page.getByRole('heading', { level: 3 })).toContainText('本月（进行中，截至');
  await expect(table.getByTestId('score-department-link').first()).toBeVisible();
  for (const change of await table.getByTestId('score-change').allTextContents()) expect(change).toBe('—');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-running-month.png' });

  await page.getByTestId('scoring-method-link').click();
  await expect(page).toHaveURL(/\/scores\/method$/);
  const method = page.getByTestId('scoring-method');
  await expect(method).toContainText('积压');
  await expect(method).toContainText('公开及时率');
  await expect(method).toContainText('并列');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scoring-method.png', fullPage: true });
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

// CJK Radicals Supplement characters that NFKC leaves alone, as the simplified ideographs they stand for
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻔': '门', '⻝': '食', '⻩': '黄', '⻥': '鱼', '⻓': '长', '⻆': '角', '⻋': '车', '⻅': '见', '⻉': '贝',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻢': '马', '⻰': '龙', '⻬': '齐', '⻘': '青', '⻨': '麦', '⻳': '龟', '⺟': '母',
  '⻄': '西', '⻙': '韦', '⻭': '齿', '⻗': '雨', '⺁': '厂', '⻊': '足', '⻈': '讠',
};

/** The text of every page of a PDF, read with pdf.js. */
async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  await document.destroy();
  // CJK fonts map some glyphs to radicals (⽉ for 月, ⺠ for 民): give back the ideographs a reader sees
  return text.normalize('NFKC').replace(/[\u2E80-\u2EFF]/g, (c) => RADICALS[c] ?? c);
}

test('a leader builds last month’s report of a county and downloads its Excel and PDF', async ({ page }) => {
  await signInThroughForm(page, 'leader');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText('月度报告');
  await page.screenshot({ path: 'e2e-artifacts/reports-empty.png' });

  const month = page.getByLabel('报告月份');
  // the form offers last month first: the month before today in Asia/Shanghai
  const local = new Date(Date.now() + 8 * 3_600_000);
  const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  const period = `${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月`;
  await page.getByLabel('报告区域').click();
  await page.getByLabel('报告区域').fill('建邺');
  await page.locator('.ant-select-dropdown:visible').getByText('南京市建邺区', { exact: true }).click();
  await expect(month).toBeVisible();
  await page.getByRole('button', { name: '生成报告' }).click();
  await expect(page.getByText('报告已生成')).toBeVisible({ timeout: 30_000 });
  const row = page.getByTestId('report-table').locator('tbody tr', { hasText: '南京市建邺区' }).first();
  await expect(row).toContainText(period);
  await page.screenshot({ path: 'e2e-artifacts/reports-list.png' });

  const departments = await page.evaluate(async () => {
    const response = await fetch('/api/v1/departments?regionId=320105&limit=500');
    return ((await response.json()) as { data: { name: string }[] }).data.map((d) => d.name);
  });
  expect(departments.length).toBeGreaterThan(10);

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toBe(`南京市建邺区${period}政务公开考核报告.xlsx`);
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsxDownload.path());
  const ranking = workbook.getWorksheet('部门排名')!;
  expect(String(ranking.getCell('A1').value)).toContain(period);
  const names = ranking.getColumn(2).values.map(String);
  for (const name of departments) expect(names).toContain(name);

  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-pdf').click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const { readFile } = await import('node:fs/promises');
  const text = (await pdfText(await readFile(await pdfDownload.path()))).replace(/\s+/g, '');
  expect(text).toContain(`南京市建邺区${period}政务公开考核报告`);
  for (const name of departments) expect(text).toContain(name);

  await row.getByTestId('report-link').click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toContainText(period);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/reports-report.png' });
});

test('the region roll-up with the overdue heat map, and an admin previewing new weights', async ({ page }) => {
  await signInThroughForm(page, 'leader');
  await page.goto('/scores');
  await page.getByRole('link', { name: '区域汇总与超期热力图' }).click();
  await expect(page).toHaveURL(/\/scores\/regions\?period=/);
  const rollup = page.getByTestId('rollup-table');
  await expect(rollup.getByTestId('rollup-region-link').first()).toHaveText('江苏省');
  await expect(rollup).toContainText('南京市建邺区');
  await expect(page.getByTestId('overdue-heatmap')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-regions.png', fullPage: true });

  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.waitForURL(/\/login/);
  await signInThroughForm(page, 'admin');
  await page.goto('/scores/weights');
  await page.getByLabel('公开及时率权重').fill('80');
  await page.getByRole('button', { name: /试\s*算/ }).click();
  const preview = page.getByTestId('what-if-table');
  await expect(preview.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole('columnheader', { name: '名次变化' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/scores-weights.png' });
});
