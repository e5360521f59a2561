import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './support/choose-option';
import { signInThroughForm } from './support/sign-in';

// Managing the supervision rules, the working-day calendar and reading the audit trail, as the office
// does it without a developer; screenshots at 1440×900 of every page.

/** Lets fonts finish drawing before a screenshot. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

/** The management pages sit under the header's 管理 menu; a click before hydration is lost, so it retries. */
async function openManagementPage(page: Page, name: string) {
  const entry = page.getByRole('menuitem', { name, exact: true });
  await expect(async () => {
    if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: /(^|\s)管理$/ }).click();
    await expect(entry).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await entry.click();
}

test('rules: preview a change by department, save it, see its history; the audit trail shows it', async ({ page }) => {
  await signInThroughForm(page, 'supervisor');
  await openManagementPage(page, '监督规则');
  await expect(page).toHaveURL(/\/rules$/);
  const row = page.getByRole('row', { name: /财政预决算公开时限预警/ });
  await expect(row).toContainText('临期提醒 5 个工作日');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/rules.png' });

  // the province's default deadline rule warned 10 working days ahead: a preview, not saved
  await page.getByRole('row', { name: /公开时限预警（全省默认）/ }).getByRole('button', { name: /修\s*改/ }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('rule-save')).toBeDisabled();
  await dialog.getByLabel('临期提醒').fill('10');
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByTestId('rule-preview-result')).toContainText(/这次修改将新增 \d+ 条预警、解除 0 条，涉及 \d+ 个部门/);
  await expect(dialog.getByRole('columnheader', { name: '部门' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/rules-preview.png' });

  // a value out of range is refused in Chinese before anything is sent
  await dialog.getByLabel('临期提醒').fill('99');
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByText('临期提醒应为 0–30 之间的整数')).toBeVisible();

  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();

  // the complaint SLA rule is previewed over the complaints: switched off, the late ones' alerts would resolve;
  // a longer reply limit opens nothing now and says it counts from later steps (neither is saved)
  await page.getByRole('row', { name: /投诉办理时限（全省默认）/ }).getByRole('button', { name: /修\s*改/ }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('启用').click();
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByTestId('rule-preview-result')).toContainText(/这次修改将新增 0 条预警、解除 \d+ 条，涉及 \d+ 个部门/);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/rules-preview-sla.png' });
  await dialog.getByLabel('启用').click();
  await dialog.getByLabel('答复时限').fill('15');
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByTestId('rule-preview-new-complaints')).toContainText('新的办理时限从保存后的受理、派单和重办起算');
  await expect(dialog.getByTestId('rule-preview-result')).toContainText('不会新增或解除预警');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();

  // the budgets rule's severe threshold 10 → 12 working days: preview, then save
  await row.getByRole('button', { name: /修\s*改/ }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('严重超期').fill('12');
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByTestId('rule-preview-result')).toBeVisible();
  await dialog.getByTestId('rule-save').click();
  await expect(page.getByText('规则已保存')).toBeVisible();
  await expect(row).toContainText('严重超期 12 个工作日');
  await expect(row).toContainText('v2');

  await row.getByRole('button', { name: /历\s*史/ }).click();
  const history = page.getByRole('dialog');
  await expect(history.getByRole('row', { name: /v2/ })).toContainText('严重超期 12 个工作日');
  await expect(history.getByRole('row', { name: /v1/ })).toContainText('严重超期 10 个工作日');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/rules-history.png' });
  await page.keyboard.press('Escape');

  // the admin reads the change in the audit trail
  await page.context().clearCookies();
  await signInThroughForm(page, 'admin');
  await page.goto('/admin/audit');
  const audit = page.getByRole('row', { name: /监督规则/ }).first();
  await expect(audit).toContainText('省政务公开办督查员');
  await expect(audit).toContainText('severeWorkingDays');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/audit.png' });
  await page.getByLabel('操作人').fill('nobody');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('没有符合条件的审计记录')).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/audit-empty.png' });
});

test('rules: a county office sets a rule of its own, previewed first', async ({ page }) => {
  await signInThroughForm(page, 'sup-320105');
  await page.goto('/rules');
  await expect(page.getByRole('row', { name: /公开时限预警（全省默认）/ })).toContainText('上级设定');
  await page.getByRole('button', { name: /新增规则/ }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, '规则类型', '要素完整性', { within: dialog });
  await dialog.getByLabel('规则名称').fill('建邺区公开要素完整性检查');
  await dialog.getByRole('button', { name: /预览影响/ }).click();
  await expect(dialog.getByTestId('rule-preview-result')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/rules-new.png' });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('规则已创建')).toBeVisible();
  const row = page.getByRole('row', { name: /建邺区公开要素完整性检查/ });
  await expect(row).toContainText('南京市建邺区');
  await expect(row.getByRole('button', { name: /修\s*改/ })).toBeVisible();
});

test('calendar: the banner while next year is missing, a year view, loading a year by pasting dates', async ({ page, browser }) => {
  await signInThroughForm(page, 'admin');
  const banner = page.getByTestId('calendar-banner');
  await expect(banner).toContainText('节假日安排尚未载入');
  const year = Number((await banner.textContent())!.match(/(\d{4}) 年/)![1]);

  // a supervisor watching the wall closes it for the day; the admin is still asked
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signInThroughForm(theirs, 'supervisor');
  const theirBanner = theirs.getByTestId('calendar-banner');
  await expect(async () => {
    await theirBanner.getByRole('button', { name: '今日不再提示' }).click({ timeout: 1_000 });
    await expect(theirBanner).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await theirs.reload({ waitUntil: 'domcontentloaded' });
  await expect(theirs.getByRole('menuitem', { name: '监督总览' })).toBeVisible();
  await expect(theirBanner).toHaveCount(0);
  await other.close();
  await page.reload();
  await expect(banner).toBeVisible();
  await page.goto(`/calendar?year=${year - 1}`);
  await expect(page.getByText(`${year - 1} 年工作日历`)).toBeVisible();
  await expect(page.getByText('已载入', { exact: true })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/calendar.png', fullPage: true });

  await banner.getByRole('link', { name: '前往载入' }).click();
  await expect(page).toHaveURL(new RegExp(`/calendar\\?year=${year}`));
  await expect(page.getByText(`${year} 年的节假日安排尚未载入`)).toBeVisible();
  await page.getByTestId('load-year').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('放假日期').fill(`${year}-01-01\n${year}-10-01~${year}-10-07\n${year - 1}-12-31`);
  await expect(dialog).toContainText(`${year - 1}-12-31 不在 ${year} 年内`);
  await expect(dialog.getByTestId('confirm-load')).toBeDisabled();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/calendar-load-error.png' });
  await dialog.getByLabel('放假日期').fill(`${year}-01-01\n${year}-10-01~${year}-10-07`);
  await expect(dialog).toContainText('识别到放假 8 天、调休上班 0 天');
  await page.screenshot({ path: 'e2e-artifacts/calendar-load.png' });
  await dialog.getByTestId('confirm-load').click();
  await expect(page.getByText(`${year} 年安排已载入`)).toBeVisible();
  await expect(page.getByText('已载入', { exact: true })).toBeVisible();
  await expect(page.getByTestId('calendar-banner')).toHaveCount(0);
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/calendar-loaded.png', fullPage: true });
});

test('users and keys: create a user who can sign in, deactivate them; issue a key shown once and revoke it', async ({ page, browser }) => {
  const username = `e2e-${Date.now().toString(36)}`;
  await signInThroughForm(page, 'admin');
  await openManagementPage(page, '系统管理');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('row', { name: /supervisor/ }).first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/admin-users.png' });

  await page.getByRole('button', { name: /新建用户/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(dialog.getByText('请输入用户名')).toBeVisible();
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('测试督查员');
  await dialog.getByLabel('初始密码').fill('demo-password');
  await chooseOption(page, '所属区域', '建邺区', { within: dialog, search: '建邺区' });
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/admin-user-create.png' });
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByText('用户已创建')).toBeVisible();

  // the new supervisor signs in, in a browser of their own
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signInThroughForm(theirs, username);
  await expect(theirs.getByText('测试督查员')).toBeVisible();

  await page.getByLabel('搜索').fill(username);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page.getByRole('button', { name: /^停\s*用$/ }).last().click();
  await expect(page.getByText(`已停用 ${username}`)).toBeVisible();
  await expect(row).toContainText('已停用');
  // their session ended with the deactivation
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/login/);
  await other.close();

  await page.getByRole('tab', { name: '接口密钥' }).click();
  await expect(page).toHaveURL(/\/admin\/api-keys$/);
  await page.getByRole('button', { name: /签发密钥/ }).click();
  const issue = page.getByRole('dialog');
  await chooseOption(page, '区域', '建邺区', { within: issue, search: '建邺区' });
  await chooseOption(page, '部门', '局', { within: issue });
  const note = `e2e 门户网站 ${username}`;
  await issue.getByLabel('备注').fill(note);
  await issue.getByRole('button', { name: /签\s*发/ }).click();
  await expect(page.getByTestId('issued-key')).toContainText('dwk_');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/admin-key-issued.png' });
  await page.getByRole('button', { name: '我已妥善保存' }).click();
  const keyRow = page.getByRole('row', { name: new RegExp(note) });
  await expect(keyRow).toContainText('有效');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/admin-keys.png' });
  await keyRow.getByRole('button', { name: /吊\s*销/ }).click();
  await page.getByRole('button', { name: /^吊\s*销$/ }).last().click();
  await expect(keyRow).toContainText('已吊销');

  await page.getByRole('tab', { name: '审计日志' }).click();
  await expect(page.getByRole('row', { name: /接口密钥/ }).first()).toContainText('吊销');
  await expect(page.getByRole('row', { name: new RegExp(`用户.*停用账号`) }).first()).toBeVisible();
});

test('catalog: import with two bad rows reports both and writes nothing; the fixed file imports; export reads back the same; an entry gets a second version', async ({ page }) => {
  const { writeCatalogWorkbook, readCatalogWorkbook } = await import('../lib/catalog/catalog-workbook');
  const { SHEET_HEADERS } = await import('../lib/catalog/catalog-sheet');
  await signInThroughForm(page, 'sup-320105');
  const departments = (await (await page.request.get('/api/v1/departments?regionId=320105&limit=100')).json()).data as { name: string }[];
  const department = departments[0]!.name;
  const stamp = Date.now().toString(36).toUpperCase();
  const row = (n: number, overrides: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      编码: `E2E-${stamp}-${n}`,
      事项名称: `导入测试事项${n}`,
      领域: '环境保护',
      类别: '环境保护 › 导入测试',
      公开依据: '《政府信息公开条例》第二十条',
      公开内容: '测试内容',
      必备要素: '索引号、正文',
      责任部门: department,
      公开时限: n === 3 ? '及时' : '信息形成或变更之日起20个工作日内',
      公开渠道: '政府网站、政府信息公开平台',
      公开对象: '全社会',
      公开方式: '主动公开',
      不予公开理由: '',
      层级: '县级',
      ...overrides,
    };
    return SHEET_HEADERS.map((header) => values[header] ?? '');
  };
  const good = [row(1), row(2), row(3)];
  const bad = [row(1), row(2, { 领域: '交通运输' }), row(3, { 公开渠道: '抖音' })];
  const file = async (name: string, rows: string[][]) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await writeCatalogWorkbook(rows) });
  const imported = async () => (await (await page.request.get(`/api/v1/catalog?q=E2E-${stamp}`)).json()).data as { id: number; code: string }[];

  await page.goto('/catalog');
  await page.getByRole('link', { name: /导入 \/ 导出/ }).click();
  await expect(page).toHaveURL(/\/catalog\/import$/);
  await page.getByTestId('catalog-upload').locator('input[type=file]').setInputFiles(await file('bad.xlsx', bad));
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('有 2 行数据有误，未导入任何内容');
  await expect(problems.getByRole('row', { name: /第 3 行.*领域.*交通运输/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /第 4 行.*公开渠道.*抖音/ })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/catalog-import-errors.png' });
  expect(await imported()).toEqual([]);

  await page.getByTestId('catalog-upload').locator('input[type=file]').setInputFiles(await file('good.xlsx', good));
  await expect(page.getByTestId('import-result')).toContainText('新增 3 项');
  await page.screenshot({ path: 'e2e-artifacts/catalog-import-done.png' });
  expect((await imported()).map((entry) => entry.code).sort()).toEqual(good.map((r) => r[0]).sort());

  const download = page.waitForEvent('download');
  await page.getByTestId('export-link').click();
  const exported = await readCatalogWorkbook(new Uint8Array(await readFile(await (await download).path())));
  if (!exported.ok) throw new Error('the export is not a readable workbook');
  expect(exported.rows.map((r) => r.cells).filter((cells) => cells[0]!.startsWith(`E2E-${stamp}`))).toEqual(good);

  // 待完善 lists the entry with 及时; making it measurable is a new version, the parse shown before saving
  await page.goto('/catalog/incomplete');
  const pending = page.getByRole('row', { name: new RegExp(`E2E-${stamp}-3`) });
  await expect(pending).toContainText('及时');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/catalog-incomplete.png' });
  await pending.getByRole('button', { name: '设为可检查' }).click();
  await expect(page).toHaveURL(/\/catalog\/\d+\/edit$/);
  await page.getByLabel('公开时限（按目录原文）').fill('信息形成之日起10个工作日内');
  await expect(page.getByTestId('time-limit-parse')).toContainText('信息形成或变更后 10 个工作日内');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/catalog-edit.png', fullPage: true });
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page).toHaveURL(/\/catalog\/\d+\?saved=revised$/);
  const versions = page.getByTestId('entry-versions');
  await expect(versions.getByRole('row', { name: /v2.*当前版本/ })).toContainText('信息形成之日起10个工作日内');
  await expect(versions.getByRole('row', { name: /v1.*历史版本/ })).toContainText('及时');
  await settle(page);
  await page.screenshot({ path: 'e2e-artifacts/catalog-versions.png', fullPage: true });
});

test('catalog: a 不予公开 change waits for a city office: its county proposer gets no 批准/驳回, the province supervisor does and approves it', async ({ page, browser }) => {
  await signInThroughForm(page, 'sup-320105');
  const departments = (await (await page.request.get('/api/v1/departments?regionId=320105&limit=100')).json()).data as { id: number }[];
  const code = `E2E-W-${Date.now().toString(36).toUpperCase()}`;
  const entry = {
    code,
    name: '不予公开审批测试事项',
    domain: 'environment',
    basis: '《政府信息公开条例》第十四条',
    content: '测试内容',
    departmentId: departments[0]!.id,
    timeLimitText: '信息形成或变更之日起20个工作日内',
    channels: ['website'],
    mode: 'proactive',
  };
  const created = await page.request.post('/api/v1/catalog/entries', { data: { regionId: '320105', ...entry } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const proposed = await page.request.post(`/api/v1/catalog/${id}/versions`, {
    data: { ...entry, mode: 'withheld', withheldReason: '涉及国家秘密（《政府信息公开条例》第十四条）' },
  });
  expect(((await proposed.json()) as { status: string }).status).toBe('pending');

  // the proposer, a county office, may not decide its own change
  await page.goto(`/catalog/${id}`);
  const pendingRow = (p: Page) => p.getByTestId('entry-versions').getByRole('row', { name: /v2.*待审批/ });
  await expect(pendingRow(page)).toBeVisible();
  await expect(pendingRow(page).getByRole('button', { name: '批准' })).toHaveCount(0);
  await expect(pendingRow(page).getByRole('button', { name: '驳回' })).toHaveCount(0);

  const province = await browser.newPage();
  await signInThroughForm(province, 'supervisor');
  await province.goto(`/catalog/${id}`);
  await expect(pendingRow(province).getByRole('button', { name: '批准' })).toBeVisible();
  await expect(pendingRow(province).getByRole('button', { name: '驳回' })).toBeVisible();
  await settle(province);
  await province.screenshot({ path: 'e2e-artifacts/catalog-withheld-approval.png', fullPage: true });
  await pendingRow(province).getByRole('button', { name: '批准' }).click();
  await expect(province.getByTestId('entry-versions').getByRole('row', { name: /v2.*当前版本/ })).toContainText('省政务公开办督查员');
  await province.close();
});
