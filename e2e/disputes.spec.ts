// 申诉 end to end (issue 18.6): a department disputes an alert from its workspace and the supervisor accepts it on
// 申诉处理 — the alert is resolved and the item's replay says 申诉成立; a deduction (投诉属实) disputed from the
// department's 扣分与申诉 page and accepted leaves the department's score drill-down, which shows the dispute with
// the reason, and the score rises. Screenshots at 1440×900 of each step.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { createTestUsers, e2eServerInfo } from './support/e2e-database';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

const UNIQUE = Date.now().toString(36);
// the check of a new item and a rescore (sent ten seconds after it is owed) run on the workers
const WORKER_MS = 60_000;

type ApiList<T> = { data: T[]; next: string | null };

interface World {
  departmentId: number;
  departmentName: string;
  entry: { id: number; code: string; name: string };
  usernames: { handler: string; dept: string; supervisor: string };
}

let world: Promise<World> | undefined;

/** Accounts of this spec's own in 建邺区, the dept one in the demo department. */
async function createWorld(): Promise<World> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ departmentId: string; departmentName: string; id: string; code: string; name: string }[]>`
      select d.id as "departmentId", d.name as "departmentName", c.id, c.code, c.name
      from users u join departments d on d.id = u.department_id join catalog_entries c on c.department_id = d.id
      where u.username = 'dept' and c.is_current and c.mode = 'proactive' and 'body' = any(c.required_elements)
      order by c.code limit 1`;
    if (!row) throw new Error('the demo department has no entry that requires 正文');
    const usernames = { handler: `dp-handler-${UNIQUE}`, dept: `dp-dept-${UNIQUE}`, supervisor: `dp-sup-${UNIQUE}` };
    await createTestUsers(sql, [
      { username: usernames.handler, role: 'handler', regionCode: '320105', departmentId: null, displayName: '孙处理' },
      { username: usernames.dept, role: 'dept', regionCode: '320105', departmentId: Number(row.departmentId), displayName: '李联络' },
      { username: usernames.supervisor, role: 'supervisor', regionCode: '320105', departmentId: null, displayName: '王督查' },
    ]);
    return {
      departmentId: Number(row.departmentId),
      departmentName: row.departmentName,
      entry: { id: Number(row.id), code: row.code, name: row.name },
      usernames,
    };
  } finally {
    await sql.end();
  }
}

const theWorld = () => (world ??= createWorld());

async function api(browser: Browser, username: string): Promise<APIRequestContext> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page.request, username);
  return page.request;
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await signInThroughForm(page, username);
  return page;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

/** The supervisor's 申诉处理 page: accepts the pending dispute whose row names `text`, with a reason. */
async function acceptOnDesk(supervisor: Page, text: string, reason: string, screenshot: string) {
  await supervisor.goto('/disputes');
  const row = supervisor.getByTestId('pending-disputes').locator('tr', { hasText: text });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('dispute-state')).toHaveText('待处理');
  await settle(supervisor);
  await supervisor.screenshot({ path: `e2e-artifacts/${screenshot}-desk.png` });
  await row.getByTestId('dispute-accept').click();
  const dialog = supervisor.getByRole('dialog');
  // a decision needs its reason
  await dialog.getByRole('button', { name: '确认成立' }).click();
  await expect(dialog).toContainText('请填写处理理由');
  await dialog.getByTestId('decision-reason').fill(reason);
  await supervisor.screenshot({ path: `e2e-artifacts/${screenshot}-accept.png` });
  await dialog.getByRole('button', { name: '确认成立' }).click();
  await expect(dialog).toBeHidden();
  await expect(supervisor.getByTestId('pending-disputes').locator('tr', { hasText: text })).toHaveCount(0);
  await supervisor.getByRole('tab', { name: '已处理' }).click();
  const decided = supervisor.getByTestId('decided-disputes').locator('tr', { hasText: text });
  await expect(decided.getByTestId('dispute-state')).toHaveText('申诉成立');
  await expect(decided).toContainText(reason);
  await expect(decided).toContainText('王督查');
}

test('a department disputes an alert from its workspace; the supervisor accepts and the alert is resolved', async ({ browser }) => {
  const w = await theWorld();
  // the department's CMS publishes an item without its 正文: the check raises a completeness alert
  const cms = await api(browser, w.usernames.dept);
  const title = `关于某项目环评审批结果的公告（申诉 ${UNIQUE}）`;
  const posted = await cms.post('/api/v1/items', {
    data: {
      externalId: `e2e-dispute-${UNIQUE}`,
      catalogCode: w.entry.code,
      title,
      formedAt: new Date(Date.now() - 3_600_000).toISOString(),
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      channels: ['website', 'open_platform', 'wechat', 'weibo', 'app', 'bulletin', 'service_center', 'press', 'targeted'],
    },
  });
  expect(posted.status(), await posted.text()).toBeLessThan(300);
  const { id: itemId } = (await posted.json()) as { id: number };

  const dept = await signedIn(browser, w.usernames.dept);
  const row = dept.getByTestId('workspace-alert').filter({ hasText: title });
  await expect(async () => {
    await dept.goto('/workspace?alerts=500');
    await expect(row.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: WORKER_MS });
  const alertRow = row.first();
  await alertRow.getByTestId('dispute-open').click();
  const dialog = dept.getByRole('dialog');
  await expect(dialog).toContainText(title);
  // a dispute without a reason is not sent
  await dialog.getByRole('button', { name: '提交申诉' }).click();
  await expect(dialog).toContainText('请填写申诉理由');
  await dialog.getByTestId('dispute-reason').fill('正文以附件形式发布在政府网站，系统未能识别，见发布页面。');
  await dialog.getByRole('button', { name: '添加附件' }).click();
  await dialog.getByPlaceholder('名称，如：发布页面截图').fill('发布页面');
  await dialog.getByPlaceholder('https://').fill('https://www.jianye.gov.cn/example');
  await dept.screenshot({ path: 'e2e-artifacts/dispute-alert-file.png' });
  await dialog.getByRole('button', { name: '提交申诉' }).click();
  await expect(dialog).toBeHidden();
  await expect(alertRow.getByTestId('alert-disputed')).toHaveText('申诉处理中');
  await settle(dept);
  await dept.screenshot({ path: 'e2e-artifacts/dispute-alert-pending.png' });

  // a second dispute of the same alert through the API is refused while the first is pending
  const alerts = (await (await cms.get(`/api/v1/alerts?departmentId=${w.departmentId}&limit=500`)).json()) as ApiList<{ id: number; itemId: number | null; state: string }>;
  const alert = alerts.data.find((a) => a.itemId === itemId);
  expect(alert).toBeTruthy();
  const second = await cms.post('/api/v1/disputes', { data: { subject: { type: 'alert', id: alert!.id }, reason: '再次申诉' } });
  expect(second.status()).toBe(409);
  expect(((await second.json()) as { error: { message: string } }).error.message).toContain('已有待处理的申诉');

  const supervisor = await signedIn(browser, w.usernames.supervisor);
  // the office finds the page in its navigation
  await supervisor.getByRole('link', { name: '申诉处理' }).click();
  await expect(supervisor).toHaveURL(/\/disputes$/);
  await acceptOnDesk(supervisor, title, '经核实，正文已在网站附件中公开。', 'dispute-alert');

  // the alert is resolved, as an accepted exception with the reason
  const after = (await (await cms.get(`/api/v1/alerts?departmentId=${w.departmentId}&limit=500`)).json()) as ApiList<{ id: number; state: string; resolveReason?: string }>;
  const resolved = after.data.find((a) => a.id === alert!.id);
  expect(resolved?.state).toBe('resolved');
  // the item's replay shows the dispute and its acceptance beside the alert's resolution
  await supervisor.goto(`/items/${itemId}`);
  await expect(supervisor.getByTestId('timeline-dispute_filed')).toContainText('正文以附件形式发布在政府网站');
  await expect(supervisor.getByTestId('timeline-dispute_accepted')).toContainText('经核实，正文已在网站附件中公开。');
  await expect(supervisor.getByTestId('timeline-alert_resolved').last()).toContainText('申诉成立');
  await settle(supervisor);
  await supervisor.screenshot({ path: 'e2e-artifacts/dispute-alert-replay.png', fullPage: true });

  // and the department's workspace no longer lists it
  await dept.goto('/workspace?alerts=500');
  await expect(dept.getByTestId('workspace-alert').filter({ hasText: title })).toHaveCount(0);
});

/** The running month in Asia/Shanghai, as the score pages name it. */
const runningPeriod = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

async function scoreTotal(page: Page): Promise<number> {
  const text = await page.locator('.ant-statistic').filter({ hasText: '本月得分' }).locator('.ant-statistic-content-value').innerText();
  return Number(text);
}

test('a deduction disputed by the department and accepted leaves its score', async ({ browser }) => {
  const w = await theWorld();
  const handler = await api(browser, w.usernames.handler);
  const deptApi = await api(browser, w.usernames.dept);
  const act = async (context: APIRequestContext, id: number, body: Record<string, unknown>) => {
    const response = await context.post(`/api/v1/complaints/${id}/actions`, { data: body });
    expect(response.status(), `${String(body.action)}: ${await response.text()}`).toBe(200);
  };
  // a complaint closed as 属实 against the department: a deduction in this month's score
  const filed = await handler.post('/api/v1/complaints', {
    data: {
      channel: 'phone',
      content: `来电反映${w.departmentName}的「${w.entry.name}」没有在政府网站公开（${UNIQUE}）。`,
      phone: '13955557777',
      name: '赵先生',
      regionId: '320105',
      departmentId: w.departmentId,
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { id: complaintId, trackingCode } = (await filed.json()) as { id: number; trackingCode: string };
  await act(handler, complaintId, { action: 'assign', departmentId: w.departmentId });
  await act(deptApi, complaintId, { action: 'accept' });
  await act(deptApi, complaintId, { action: 'reply', reply: '该事项已按规定公开，详见政府网站。' });
  await act(handler, complaintId, { action: 'close', note: '经核实，投诉属实。', finding: 'substantiated', catalogEntryId: w.entry.id });

  const supervisor = await signedIn(browser, w.usernames.supervisor);
  const drillDown = `/scores/departments/${w.departmentId}?period=${runningPeriod()}`;
  const lossRow = supervisor.getByTestId('loss-table').locator('tr', { hasText: trackingCode });
  await expect(async () => {
    await supervisor.goto(drillDown);
    await expect(lossRow).toContainText('投诉属实扣分', { timeout: 2_000 });
  }).toPass({ timeout: WORKER_MS });
  const before = await scoreTotal(supervisor);

  // the department disputes it from its 扣分与申诉 page, reached from the workspace
  const dept = await signedIn(browser, w.usernames.dept);
  await dept.getByRole('link', { name: '扣分与申诉' }).click();
  await expect(dept).toHaveURL(/\/workspace\/deductions$/);
  const deduction = dept.getByTestId('deductions').locator('tr', { hasText: trackingCode });
  await expect(deduction).toContainText('−');
  await deduction.getByTestId('dispute-open').click();
  const dialog = dept.getByRole('dialog');
  await dialog.getByTestId('dispute-reason').fill('该事项在投诉前已在政府信息公开平台发布，投诉人未查到。');
  await dialog.getByRole('button', { name: '提交申诉' }).click();
  await expect(dialog).toBeHidden();
  await expect(deduction.getByTestId('dispute-state')).toHaveText('待处理');
  await expect(dept.getByTestId('own-disputes').locator('tr', { hasText: trackingCode })).toContainText('李联络');
  await settle(dept);
  await dept.screenshot({ path: 'e2e-artifacts/dispute-deduction-file.png', fullPage: true });

  await acceptOnDesk(supervisor, trackingCode, '平台发布记录早于投诉，扣分撤销。', 'dispute-deduction');

  // the drill-down: the deduction is gone once the owed rescore ran, the dispute shows 申诉成立 with the reason
  await expect(async () => {
    await supervisor.goto(drillDown);
    await expect(lossRow).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: WORKER_MS });
  expect(await scoreTotal(supervisor)).toBeGreaterThan(before);
  const disputeRow = supervisor.getByTestId('score-disputes').locator('tr', { hasText: trackingCode });
  await expect(disputeRow.getByTestId('dispute-state')).toHaveText('申诉成立');
  await expect(disputeRow).toContainText('平台发布记录早于投诉，扣分撤销。');
  await settle(supervisor);
  await supervisor.screenshot({ path: 'e2e-artifacts/dispute-score.png', fullPage: true });

  // the department's page shows the deduction withdrawn with the reason
  await dept.reload();
  await expect(deduction).toContainText('已撤销');
  await expect(deduction).toContainText('申诉成立');
  await dept.screenshot({ path: 'e2e-artifacts/dispute-deduction-withdrawn.png', fullPage: true });
});

test('the workspace offers 申诉 only within the dispute window: an alert opened weeks ago says 申诉期已过', async ({ browser }) => {
  const w = await theWorld();
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  let old: { id: string } | undefined;
  try {
    // the demo department's seeded history holds unresolved alerts opened long before the window (5 working days)
    [old] = await sql<{ id: string }[]>`
      select a.id from alerts a
      where a.department_id = ${w.departmentId} and a.state <> 'resolved' and a.opened_at < now() - interval '20 days'
        and not exists (select 1 from disputes d where d.alert_id = a.id and d.state = 'pending')
      order by case a.level when 'red' then 0 when 'orange' then 1 else 2 end, a.opened_at, a.id
      limit 1`;
  } finally {
    await sql.end();
  }
  expect(old, 'the demo department has an unresolved alert opened more than 20 days ago').toBeDefined();
  const dept = await signedIn(browser, w.usernames.dept);
  await dept.goto('/workspace?alerts=500');
  const row = dept.locator(`[data-alert-id="${old!.id}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('dispute-closed')).toHaveText('申诉期已过');
  await expect(row.getByTestId('dispute-open')).toHaveCount(0);
  await row.scrollIntoViewIfNeeded();
  await dept.screenshot({ path: 'e2e-artifacts/workspace-dispute-window-closed.png' });
});
