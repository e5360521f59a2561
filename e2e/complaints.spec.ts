// 投诉处理 end to end: a citizen files online and gets a tracking code; the handler's queue shows it live and
// the handler dispatches it; the department signs for it and replies; the citizen looks it up with the code
// and phone digits, rates 不满意, and it reopens (重办) on the handler's page live. Markup in the complaint
// stays text. A citizen who does not know the department leaves it to the handler's dispatch. Screenshots at 1440×900 of the queue, the complaint page, the public form and the track page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { hashPassword } from '../lib/auth/password';
import { chooseOption } from './support/choose-option';
import { e2eServerInfo } from './support/e2e-database';
import { DEMO_PASSWORD, signInThroughForm } from './support/sign-in';

const UNIQUE = Date.now().toString(36);
// live changes are waited for up to 10 s, as on a loaded machine (their speed is a benchmark's figure)
const LIVE_MS = 10_000;

async function demoDepartment(): Promise<{ name: string; regionName: string }> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ name: string; regionName: string }[]>`
      select d.name, r.name as "regionName" from users u join departments d on d.id = u.department_id
      join regions r on r.code = d.region_code where u.username = 'dept'`;
    return row!;
  } finally {
    await sql.end();
  }
}

/**
 * A handler of this spec's own: session.spec throttles the demo `handler` account on purpose, and this spec
 * must not depend on running before it.
 */
async function createHandler(): Promise<string> {
  const username = `handler-${UNIQUE}`;
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await sql`
      insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
      values (${username}, '投诉处理员（测试）', ${await hashPassword(DEMO_PASSWORD)}, 'handler', '320000', ${new Date()}, ${new Date()})
      on conflict (username) do nothing`;
    return username;
  } finally {
    await sql.end();
  }
}

let handlerName: Promise<string> | undefined;
const handlerUser = () => (handlerName ??= createHandler());

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, username);
  return page;
}

async function live(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
}

test('a citizen’s online complaint from filing to 重办', async ({ browser }) => {
  const department = await demoDepartment();
  const content = `<script>window.__pwned = 1</script><b>加粗</b> 区生态环境局的建设项目环评批复一直没有公开（${UNIQUE}）。`;

  // the handler lands on the queue and watches the complaints waiting for dispatch
  const handler = await signedIn(browser, await handlerUser());
  await expect(handler).toHaveURL(/\/complaints$/);
  await expect(handler.getByTestId('complaint-table').getByTestId('complaint-link').first()).toBeVisible();
  await live(handler);
  await handler.screenshot({ path: 'e2e-artifacts/complaints-queue.png' });
  await handler.goto('/complaints?state=received');
  await live(handler);

  // the citizen files online, without logging in
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/public/complaint');
  await expect(citizen.getByRole('heading', { name: '网上投诉' })).toBeVisible();
  await chooseOption(citizen, '所在地区', department.regionName);
  await chooseOption(citizen, '投诉涉及的部门', department.name);
  await citizen.getByLabel('姓名').fill('王小明');
  await citizen.getByLabel('手机号码').fill('13912345678');
  await citizen.getByLabel('投诉内容').fill(content);
  await citizen.screenshot({ path: 'e2e-artifacts/public-complaint.png' });
  await citizen.getByTestId('public-submit').click();
  const codeText = citizen.getByTestId('filed-tracking-code');
  await expect(codeText).toBeVisible();
  const code = (await codeText.innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

  // it appears in the handler's queue without a reload, marked new, with full personal data for the handler
  const row = handler.getByTestId('complaint-table').locator('tr', { hasText: code });
  await expect(row).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toContainText('新');
  await expect(row).toContainText('王小明');
  await expect(row).toContainText('13912345678');
  await expect(row.getByTestId('countdown')).toContainText('剩余');

  // the handler opens it: the markup is shown as text and never runs
  await row.getByTestId('complaint-link').click();
  await expect(handler.getByTestId('tracking-code')).toHaveText(code);
  await expect(handler.getByTestId('complaint-content')).toHaveText(content);
  expect(await handler.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await handler.getByTestId('action-assign').click();
  await expect(handler.getByRole('dialog')).toContainText(department.name);
  await handler.getByTestId('action-confirm').click();
  await expect(handler.getByTestId('state-tag')).toHaveText('已派单');
  await expect(handler.getByTestId('event-assigned')).toContainText(`派单至${department.name}`);
  await live(handler);

  // the department sees it with personal data masked, signs for it and replies
  const dept = await signedIn(browser, 'dept');
  await dept.goto('/complaints');
  const deptRow = dept.getByTestId('complaint-table').locator('tr', { hasText: code });
  await expect(deptRow).toContainText('王**');
  await expect(deptRow).toContainText('139****5678');
  await expect(deptRow).not.toContainText('13912345678');
  await deptRow.getByTestId('complaint-link').click();
  await dept.getByTestId('action-accept').click();
  await expect(dept.getByTestId('state-tag')).toHaveText('已签收');
  await dept.getByTestId('reply-editor').fill('经核查，该项目环评批复已于今日在区政府网站“环境保护”专栏公开，附件一并公开。');
  await dept.getByTestId('reply-submit').click();
  await expect(dept.getByTestId('state-tag')).toHaveText('已答复');
  // the handler's page follows live
  await expect(handler.getByTestId('state-tag')).toHaveText('已答复', { timeout: LIVE_MS });
  await handler.screenshot({ path: 'e2e-artifacts/complaint-page.png', fullPage: true });

  // the citizen looks it up: a wrong phone is refused like an unknown code
  await citizen.goto(`/public/track?code=${code}`);
  await citizen.getByTestId('track-phone4').fill('0000');
  await citizen.getByTestId('track-submit').click();
  await expect(citizen.getByTestId('track-failure')).toHaveText('未找到该投诉件，请核对查询码和手机号后4位');
  await citizen.getByTestId('track-phone4').fill('5678');
  await citizen.getByTestId('track-submit').click();
  await expect(citizen.getByTestId('tracked-state')).toHaveText('已答复');
  await expect(citizen.getByTestId('tracked-reply')).toContainText('环评批复已于今日在区政府网站');
  await expect(citizen.getByTestId('tracked-complaint')).not.toContainText('王小明');
  await citizen.screenshot({ path: 'e2e-artifacts/public-track.png', fullPage: true });

  // rates 不满意: it reopens (重办)
  await citizen.getByText('不满意', { exact: true }).click();
  await citizen.getByLabel('意见或建议（可不填）').fill('附件仍打不开');
  await citizen.getByTestId('rating-submit').click();
  await expect(citizen.getByText('您的投诉已转为重办')).toBeVisible();
  await expect(citizen.getByTestId('tracked-state')).toHaveText('重办');
  await expect(handler.getByTestId('state-tag')).toHaveText('重办', { timeout: LIVE_MS });
  await expect(handler.getByTestId('event-reopened')).toContainText('群众评价不满意，重新办理');
});

// DESIGN §3: a citizen rarely knows which department is responsible; the complaint waits for dispatch (派单)
test('a citizen files without knowing the department; the handler dispatches it', async ({ browser }) => {
  const department = await demoDepartment();
  const content = `我想查本地今年的财政预算公开情况，但不清楚由哪个部门负责（${UNIQUE}）。`;

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/public/complaint');
  await expect(citizen.getByRole('heading', { name: '网上投诉' })).toBeVisible();
  await chooseOption(citizen, '所在地区', department.regionName);
  await chooseOption(citizen, '投诉涉及的部门', '不清楚由哪个部门负责');
  await citizen.getByLabel('手机号码').fill('13700001234');
  await citizen.getByLabel('投诉内容').fill(content);
  await citizen.screenshot({ path: 'e2e-artifacts/public-complaint-no-department.png', fullPage: true });
  await citizen.getByTestId('public-submit').click();
  const codeText = citizen.getByTestId('filed-tracking-code');
  await expect(codeText).toBeVisible();
  const code = (await codeText.innerText()).trim();

  // the handler's queue shows it waiting for dispatch, with no department yet
  const handler = await signedIn(browser, await handlerUser());
  await handler.goto(`/complaints?state=received&q=${code}`);
  const row = handler.getByTestId('complaint-table').locator('tr', { hasText: code });
  await expect(row).toContainText('未定（待派单）');
  await expect(row).toContainText(department.regionName);
  await row.getByTestId('complaint-link').click();
  await expect(handler.getByTestId('state-tag')).toHaveText('待派单');
  await expect(handler.getByTestId('no-department')).toHaveText('未定（待派单）');
  await handler.screenshot({ path: 'e2e-artifacts/complaint-awaiting-dispatch.png' });

  // 派单: the handler picks the department
  await handler.getByTestId('action-assign').click();
  const dialog = handler.getByRole('dialog');
  await chooseOption(handler, '承办部门', department.name, { within: dialog });
  await handler.getByTestId('action-confirm').click();
  await expect(handler.getByTestId('state-tag')).toHaveText('已派单');
  await expect(handler.getByTestId('event-assigned')).toContainText(`派单至${department.name}`);

  // the citizen's tracking page follows
  await citizen.goto(`/public/track?code=${code}`);
  await citizen.getByTestId('track-phone4').fill('1234');
  await citizen.getByTestId('track-submit').click();
  await expect(citizen.getByTestId('tracked-state')).toHaveText('已派单');
});

test('a handler registers a phone complaint; the department works from its own view', async ({ browser }) => {
  const department = await demoDepartment();
  const handler = await signedIn(browser, await handlerUser());
  await handler.getByTestId('register-complaint').click();
  const drawer = handler.getByRole('dialog');
  await expect(drawer).toContainText('登记投诉');
  await handler.getByTestId('register-submit').click();
  // zh-CN validation before anything is sent
  await expect(drawer).toContainText('请填写联系电话');
  await expect(drawer).toContainText('请填写投诉内容');
  // region and department are optional: a caller who cannot say is dispatched later
  await expect(drawer).not.toContainText('请选择投诉涉及的部门');
  await drawer.getByLabel('投诉人姓名').fill('赵大爷');
  await drawer.getByLabel('联系电话').fill('025-83681234');
  await chooseOption(handler, '投诉涉及的部门', department.name);
  await drawer.getByLabel('投诉内容').fill(`来电反映：区生态环境局网站的环评审批结果栏目两个月没有更新（电话 ${UNIQUE}）。`);
  await drawer.getByRole('button', { name: '添加附件' }).click();
  await drawer.getByPlaceholder('附件名称').fill('来电录音');
  await drawer.getByPlaceholder('https://…').fill('https://files.example.gov.cn/calls/0001.mp3');
  await handler.screenshot({ path: 'e2e-artifacts/complaints-register.png' });
  await handler.getByTestId('register-submit').click();
  await expect(handler).toHaveURL(/\/complaints\/\d+$/);
  await expect(handler.getByTestId('state-tag')).toHaveText('待派单');
  await expect(handler.getByText('025-83681234')).toBeVisible();
  await expect(handler.getByRole('link', { name: '来电录音' })).toHaveAttribute('href', 'https://files.example.gov.cn/calls/0001.mp3');
  const code = (await handler.getByTestId('tracking-code').innerText()).trim();
  await handler.getByTestId('action-assign').click();
  await handler.getByTestId('action-confirm').click();
  await expect(handler.getByTestId('state-tag')).toHaveText('已派单');

  // the department's view: only its own complaints, personal data masked; a 催办 reaches it live
  const dept = await signedIn(browser, 'dept');
  await dept.goto('/complaints');
  await expect(dept.getByRole('heading', { name: '本部门投诉件' })).toBeVisible();
  await live(dept);
  const row = dept.getByTestId('complaint-table').locator('tr', { hasText: code });
  await expect(row).toContainText('赵**');
  await expect(row).toContainText('025****1234');
  await handler.getByTestId('action-remind').click();
  await handler.getByTestId('action-confirm').click();
  await expect(dept.getByText(`催办：投诉件 ${code}`)).toBeVisible({ timeout: LIVE_MS });
  await expect(dept.locator('.ant-spin-blur')).toHaveCount(0);
  await dept.screenshot({ path: 'e2e-artifacts/complaints-department.png' });
});
