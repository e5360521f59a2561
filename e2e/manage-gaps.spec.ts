import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './support/choose-option';
import { DEMO_PASSWORD, signInThroughForm } from './support/sign-in';

// The management gaps of issue 18 as the admin and a province supervisor meet them: a user's role changed
// while their tab is open signs that tab out; staff shown by 姓名 with the username in a tooltip; date
// fields are antd pickers in Chinese; the catalog filtered by region with entry names that open in a new
// tab; one calendar day corrected from the year view. Screenshots at 1440×900 in e2e-artifacts/.

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

test('a user’s role is changed while their tab is open: the tab is signed out, and they sign in to the new role', async ({ page, browser }) => {
  const username = `e2e-role-${Date.now().toString(36)}`;
  await signInThroughForm(page, 'admin');
  const created = await page.request.post('/api/v1/admin/users', {
    data: { username, displayName: '调岗测试员', password: DEMO_PASSWORD, role: 'supervisor', regionCode: '320105' },
  });
  expect(created.status(), await created.text()).toBe(201);

  // the user watches their wall, in a browser of their own
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signInThroughForm(theirs, username);
  await expect(theirs.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });

  await page.goto(`/admin/users?q=${username}`);
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText('政务公开办');
  await row.getByRole('button', { name: '调整角色' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('保存后该用户的所有登录会话立即失效');
  // a department role needs a department: asked for before anything is sent
  await chooseOption(page, '角色', '部门联络员', { within: dialog });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('部门联络员须指定所属部门')).toBeVisible();
  await chooseOption(page, '角色', '分管领导', { within: dialog });
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-role-change.png' });

  // watch from before the click, so a slow tab cannot miss the notice
  const noticeShown = theirs.waitForSelector('[data-testid="session-ended"]:has-text("登录已失效，请重新登录")');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(`已调整 ${username} 的角色与区域`)).toBeVisible();
  await expect(row).toContainText('分管领导');
  await noticeShown;
  await theirs.waitForURL(/\/login\?next=%2F&reason=session-ended$/);
  await expect(theirs.getByTestId('login-session-ended')).toContainText('登录已失效，请重新登录');

  // signing in again, they work as a leader: no 管理 menu (rules, catalog upkeep) any more
  await theirs.getByLabel('用户名').fill(username);
  await theirs.getByLabel('密码').fill(DEMO_PASSWORD);
  await theirs.getByRole('button', { name: /登\s*录/ }).click();
  await theirs.waitForURL((url) => url.pathname === '/');
  await expect(theirs.getByTitle(/调岗测试员 · 分管领导/)).toBeVisible();
  await expect(theirs.getByRole('menuitem', { name: '考核评分' })).toBeVisible();
  await expect(theirs.getByRole('menuitem', { name: /(^|\s)管理$/ })).toHaveCount(0);
  await other.close();

  // the change is in the audit trail, by the admin's 姓名, the username in a tooltip
  await page.goto('/admin/audit?entity=user');
  const audit = page.getByRole('row', { name: /调整角色\/区域/ }).first();
  await expect(audit).toContainText('省政务公开办管理员');
  await audit.getByText('省政务公开办管理员').hover();
  await expect(page.getByRole('tooltip')).toContainText('用户名：admin');
  await expect(audit).toContainText('role: "supervisor" → "leader"');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-audit-names.png' });
  // 操作人 is searched by 姓名 as well as by username
  await page.getByLabel('操作人').fill('省政务公开办管理员');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.getByRole('row', { name: /调整角色\/区域/ }).first()).toBeVisible();
});

test('date fields are Chinese antd pickers: the audit log’s range filters by day, the wall’s 发生时间 picks a range', async ({ page }) => {
  await signInThroughForm(page, 'admin');
  await page.goto('/admin/audit');
  await page.getByPlaceholder('开始日期').click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await expect(panel).toBeVisible();
  // zh-CN throughout: the week starts on 一, the header reads 2026年 12月
  await expect(panel.locator('thead').first()).toContainText('一二三四五六日');
  await expect(panel.locator('.ant-picker-header-view').first()).toContainText('年');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-audit-date-picker.png' });
  await page.getByPlaceholder('开始日期').fill('2001-01-01');
  await page.getByPlaceholder('开始日期').press('Enter');
  await page.getByPlaceholder('结束日期').fill('2001-01-31');
  await page.getByPlaceholder('结束日期').press('Enter');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/from=2001-01-01&to=2001-01-31/);
  await expect(page.getByText('没有符合条件的审计记录')).toBeVisible();
  await expect(page.getByPlaceholder('开始日期')).toHaveValue('2001-01-01');

  await page.context().clearCookies();
  await signInThroughForm(page, 'supervisor');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await page.getByTestId('filter-range').click();
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)');
  await popover.getByPlaceholder('开始日期').click();
  await popover.getByPlaceholder('开始日期').fill('2001-01-01');
  await popover.getByPlaceholder('开始日期').press('Enter');
  await popover.getByPlaceholder('结束日期').fill('2001-01-31');
  await popover.getByPlaceholder('结束日期').press('Enter');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-wall-date-range.png' });
  await popover.getByRole('button', { name: /应\s*用/ }).click();
  await expect(page).toHaveURL(/from=2001-01-01&to=2001-01-31/);
  await expect(page.getByTestId('filter-range')).toContainText('2001-01-01 至 2001-01-31');
});

test('catalog: a province supervisor filters by region; an entry’s name is a link that opens in a new tab', async ({ page, context }) => {
  await signInThroughForm(page, 'supervisor');
  await page.goto('/catalog');
  await page.getByTestId('catalog-region-filter').click();
  await page.keyboard.type('建邺');
  await page.locator('.ant-select-tree-title', { hasText: '南京市建邺区' }).first().click();
  await expect(page).toHaveURL(/regionId=320105/);
  const table = page.getByTestId('catalog-table');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('建邺区');
  const regions = await table.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
  expect(regions.length).toBeGreaterThan(0);
  expect(new Set(regions)).toEqual(new Set(['建邺区']));
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-catalog-region.png' });

  const name = table.getByTestId('entry-name').first();
  await expect(name).toHaveAttribute('href', /^\/catalog\/\d+$/);
  const title = (await name.textContent())!;
  // Ctrl-click: a new tab with the entry's own page
  const [tab] = await Promise.all([context.waitForEvent('page'), name.click({ modifiers: ['Control'] })]);
  await tab.waitForLoadState();
  await expect(tab).toHaveURL(/\/catalog\/\d+$/);
  await expect(tab.getByText(title).first()).toBeVisible();
  await tab.close();
  // a plain click still opens the drawer
  await name.click();
  await expect(page.getByTestId('entry-drawer')).toContainText(title);
  await expect(page).toHaveURL(/\/catalog\?regionId=320105/);
});

test('calendar: the admin marks one day 放假 from the year view and back; each change is audited', async ({ page }) => {
  await signInThroughForm(page, 'admin');
  // a past year: the open obligations it touches are long overdue, so other specs see the same levels
  await page.goto('/calendar?year=2025');
  await expect(page.getByText('点击某一天可单独修改')).toBeVisible();
  const day = page.locator('[data-day="2025-12-08"]');
  await expect(day).not.toContainText('休');
  await day.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('修改 2025 年 12 月 8 日（周一）');
  // a weekday cannot be a 调休 workday
  await expect(dialog.getByRole('radio', { name: '调休上班' })).toBeDisabled();
  await dialog.getByText('放假（节假日）').click();
  await dialog.getByLabel('节日名称（可不填）').fill('测试调整');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-calendar-day.png' });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(/2025-12-08 已保存/)).toBeVisible();
  await expect(day).toContainText('休');
  await expect(day).toHaveAttribute('title', /测试调整 放假/);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/manage-calendar-day-saved.png', fullPage: true });

  // back to a working day, by keyboard
  await day.focus();
  await page.keyboard.press('Enter');
  await dialog.getByText('普通（工作日）').click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(day).not.toContainText('休');

  await page.goto('/admin/audit?entity=calendar');
  await expect(page.getByRole('row', { name: /修改单日/ })).toHaveCount(2);
  await expect(page.getByRole('row', { name: /修改单日/ }).first()).toContainText('2025-12-08');

  // other roles see the year, not a button on each day
  await page.context().clearCookies();
  await signInThroughForm(page, 'supervisor');
  await page.goto('/calendar?year=2025');
  await expect(page.locator('[data-day="2025-12-08"]')).not.toHaveAttribute('role', 'button');
});
