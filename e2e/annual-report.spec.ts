import { expect, test, type Page } from '@playwright/test';
import { signInThroughForm } from './support/sign-in';

// 年度报告 三、收到和处理政府信息公开申请情况: a leader opens a county's table for the running year from /reports,
// reads it, and downloads its Excel, whose every column keeps the template's cross-check (一 + 二 = 三(七) + 四).

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

test('a leader opens a county’s annual request table and downloads its Excel', async ({ page }) => {
  await signInThroughForm(page, 'leader');
  await page.goto('/reports');
  const card = page.getByTestId('annual-report-card');
  await expect(card).toBeVisible();
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  await card.getByLabel('年度报告所属区域').click();
  await card.getByLabel('年度报告所属区域').fill('建邺');
  await page.locator('.ant-select-dropdown:visible').getByText('南京市建邺区', { exact: true }).click();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e-artifacts/annual-report-card.png' });
  await card.getByRole('button', { name: /查\s*看/ }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/annual\\?regionId=320105&year=${year}$`));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(`南京市建邺区${year}年政府信息公开工作年度报告`);
  await expect(frame.getByText('三、收到和处理政府信息公开申请情况')).toBeVisible();
  await expect(frame.getByText('本年度尚未结束')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/annual-report.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载 Excel/ }).click()]);
  expect(download.suggestedFilename()).toBe(`南京市建邺区${year}年政府信息公开工作年度报告.xlsx`);
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('收到和处理申请情况')!;
  const lines = new Map<string, number[]>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') lines.set(label, [2, 3, 4, 5, 6, 7, 8].map((c) => Number(row.getCell(c).value ?? 0)));
  });
  const [received, carriedIn, total, carriedOut] = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理'].map(
    (label) => lines.get(label)!,
  );
  for (let c = 0; c < 7; c += 1) expect(received![c]! + carriedIn![c]!).toBe(total![c]! + carriedOut![c]!);
});
