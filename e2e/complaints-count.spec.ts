// Complaints that count, for every role that touches them: a handler closes an answered complaint as 属实 naming
// the catalog entry that was not published, the complaint page shows the violation recorded against the
// responsible department, and that department's score drill-down shows the deduction linked to the complaint
// once the owed rescore has run; the alert on the wall opens the complaint; a supervisor chases (催办) a
// complaint a department holds, and is offered nothing else. Screenshots at 1440×900 of the 办结 dialog, the
// violation, the wall's row, the drill-down and the 催办.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { chooseOption } from './support/choose-option';
import { createTestUsers, e2eServerInfo } from './support/e2e-database';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

const UNIQUE = Date.now().toString(36);
// the rescore is owed at commit and sent ten seconds later (lib/scoring/store/score-job.ts)
const RESCORE_MS = 60_000;

interface World {
  departmentId: number;
  departmentName: string;
  entry: { code: string; name: string };
  usernames: { handler: string; dept: string; supervisor: string };
}

let world: Promise<World> | undefined;

/** Accounts of this spec's own in 建邺区 (demo accounts are throttled by session.spec on purpose). */
async function createWorld(): Promise<World> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ departmentId: string; departmentName: string; code: string; name: string }[]>`
      select d.id as "departmentId", d.name as "departmentName", c.code, c.name
      from users u join departments d on d.id = u.department_id join catalog_entries c on c.department_id = d.id
      where u.username = 'dept' and c.is_current order by c.code limit 1`;
    if (!row) throw new Error('the demo department has no catalog entry');
    const usernames = { handler: `cc-handler-${UNIQUE}`, dept: `cc-dept-${UNIQUE}`, supervisor: `cc-sup-${UNIQUE}` };
    await createTestUsers(sql, [
      { username: usernames.handler, role: 'handler', regionCode: '320105', departmentId: null, displayName: '周处理' },
      { username: usernames.dept, role: 'dept', regionCode: '320105', departmentId: Number(row.departmentId), displayName: '吴联络' },
      { username: usernames.supervisor, role: 'supervisor', regionCode: '320105', departmentId: null, displayName: '郑督查' },
    ]);
    return { departmentId: Number(row.departmentId), departmentName: row.departmentName, entry: { code: row.code, name: row.name }, usernames };
  } finally {
    await sql.end();
  }
}

const theWorld = () => (world ??= createWorld());

/** A desk that only calls the API, in a browser context of its own (its own cookie). */
async function api(browser: Browser, username: string): Promise<APIRequestContext> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page.request, username);
  return page.request;
}

async function act(context: APIRequestContext, id: number, body: Record<string, unknown>) {
  const response = await context.post(`/api/v1/complaints/${id}/actions`, { data: body });
  expect(response.status(), `${String(body.action)}: ${await response.text()}`).toBe(200);
}

/** A phone complaint registered by the handler and dispatched to the demo department; answered when asked. */
async function complaint(browser: Browser, w: World, { answered }: { answered: boolean }): Promise<{ id: number; trackingCode: string }> {
  const handler = await api(browser, w.usernames.handler);
  const dept = await api(browser, w.usernames.dept);
  const filed = await handler.post('/api/v1/complaints', {
    data: {
      channel: 'phone',
      content: `来电反映${w.departmentName}的「${w.entry.name}」一直没有在政府网站公开（${UNIQUE}）。`,
      phone: '13955556666',
      name: '钱女士',
      regionId: '320105',
      departmentId: w.departmentId,
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { id, trackingCode } = (await filed.json()) as { id: number; trackingCode: string };
  await act(handler, id, { action: 'assign', departmentId: w.departmentId });
  if (answered) {
    await act(dept, id, { action: 'accept' });
    await act(dept, id, { action: 'reply', reply: '经核实，该事项确未按时公开，现已安排补充公开。' });
  }
  return { id, trackingCode };
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, username);
  return page;
}

/** The running month in Asia/Shanghai, as the score pages name it. */
const runningPeriod = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

test('a handler closes a complaint as 属实 and the department’s score drill-down shows the deduction', async ({ browser }) => {
  const w = await theWorld();
  const { id, trackingCode } = await complaint(browser, w, { answered: true });

  const handler = await signedIn(browser, w.usernames.handler);
  await handler.goto(`/complaints/${id}`);
  await expect(handler.getByTestId('state-tag')).toHaveText('已答复');
  await handler.getByTestId('action-close').click();
  const dialog = handler.getByRole('dialog');
  await dialog.getByText('属实', { exact: true }).click();
  await chooseOption(handler, '未按规定公开的公开事项', w.entry.code, { within: dialog, search: w.entry.code });
  await dialog.getByLabel(/办结说明/).fill('经核实，该事项确未按规定公开，投诉属实。');
  await handler.screenshot({ path: 'e2e-artifacts/complaint-close-substantiated.png' });
  await handler.getByTestId('action-confirm').click();

  // the complaint page shows the violation recorded against the department, and the open alert it raised
  await expect(handler.getByTestId('state-tag')).toHaveText('已办结');
  await expect(handler.getByTestId('complaint-finding')).toHaveText('属实');
  const violation = handler.getByTestId('complaint-violation');
  await expect(violation).toContainText(w.departmentName);
  await expect(violation).toContainText(w.entry.name);
  await expect(violation.getByTestId('violation-alert')).toContainText('待处置');
  await expect(violation).toContainText('计入责任部门当月考核扣分');
  await expect(handler.getByTestId('event-closed')).toContainText('核实属实');
  // the handler may withdraw the finding, and nothing else once it is closed
  await expect(handler.getByTestId('action-withdraw_finding')).toBeVisible();
  await handler.screenshot({ path: 'e2e-artifacts/complaint-substantiated.png', fullPage: true });

  // the alert it raised is on the wall of whoever looks at the department, and opens the complaint (not the
  // entry or an item) with the handler's actions
  await handler.goto(`/?departmentId=${w.departmentId}`);
  const alertRow = handler.getByTestId('alert-row').filter({ hasText: trackingCode });
  await expect(alertRow).toContainText('投诉属实');
  await handler.screenshot({ path: 'e2e-artifacts/wall-complaint-alert.png' });
  await alertRow.getByTestId('alert-subject').click();
  await expect(handler).toHaveURL(new RegExp(`/complaints/${id}$`));
  await expect(handler.getByTestId('action-withdraw_finding')).toBeVisible();

  // the supervisor opens the department's month: the deduction arrives once the owed rescore has run
  const supervisor = await signedIn(browser, w.usernames.supervisor);
  await supervisor.goto(`/scores/departments/${w.departmentId}?period=${runningPeriod()}`);
  await expect(async () => {
    await supervisor.reload();
    await expect(supervisor.getByTestId('substantiated-deduction')).toContainText('1 件', { timeout: 2_000 });
  }).toPass({ timeout: RESCORE_MS });
  const loss = supervisor.getByTestId('loss-table').locator('tr', { hasText: trackingCode });
  await expect(loss).toContainText('投诉属实扣分');
  await expect(loss.getByRole('link', { name: '查看投诉' })).toHaveAttribute('href', `/complaints/${id}`);
  await supervisor.screenshot({ path: 'e2e-artifacts/score-substantiated.png', fullPage: true });
});

test('a supervisor chases (催办) a complaint a department holds', async ({ browser }) => {
  const w = await theWorld();
  const { id } = await complaint(browser, w, { answered: false });

  const supervisor = await signedIn(browser, w.usernames.supervisor);
  await supervisor.goto(`/complaints/${id}`);
  await expect(supervisor.getByTestId('state-tag')).toHaveText('已派单');
  // the office chases; dispatching, extending and closing stay with the handler
  await expect(supervisor.getByRole('button', { name: /催\s*办/ })).toBeVisible();
  await expect(supervisor.getByTestId('action-assign')).toHaveCount(0);
  await expect(supervisor.getByTestId('action-extend')).toHaveCount(0);
  await supervisor.getByTestId('action-remind').click();
  await supervisor.getByRole('dialog').getByLabel(/催办说明/).fill('该件群众反映强烈，请于两个工作日内签收办理。');
  await supervisor.getByTestId('action-confirm').click();
  await expect(supervisor.getByTestId('event-reminded')).toContainText('请于两个工作日内签收办理');
  await expect(supervisor.getByTestId('event-reminded')).toContainText('郑督查');
  await supervisor.screenshot({ path: 'e2e-artifacts/complaint-supervisor-remind.png', fullPage: true });
});
