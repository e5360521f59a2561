// 依申请公开 end to end (issue 13): a citizen applies at /public/request (zh-CN checks first: a wrong resident ID
// is refused on the form) and gets a tracking code; the application appears live in the disclosure office's queue;
// staff confirm receipt, send a 补正 notice, record the correction, consult a third party and end the consultation,
// extend the deadline, reply 部分公开 (which needs its legal basis) and deliver; the citizen reads the reply on
// /public/track, and the office files it away (归档). A department registers a letter and records its withdrawal.
// Screenshots at 1440×900 of each page.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import postgres from 'postgres';
import { chooseOption } from './support/choose-option';
import { createTestUsers, e2eServerInfo } from './support/e2e-database';
import { signInThroughApi, signInThroughForm } from './support/sign-in';

const UNIQUE = Date.now().toString(36);
// live changes are waited for up to 10 s, as on a loaded machine
const LIVE_MS = 10_000;
// a resident ID number with a correct check digit (GB 11643-1999), and the same with a wrong one
const RESIDENT_ID = '11010519491231002X';
const WRONG_RESIDENT_ID = '110105194912310021';

interface World {
  departmentId: number;
  departmentName: string;
  regionName: string;
  usernames: { supervisor: string; dept: string };
}

let world: Promise<World> | undefined;

/** Accounts of this spec's own: the office of 建邺区 and the demo department (the agency applied to). */
async function createWorld(): Promise<World> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ departmentId: string; departmentName: string; regionName: string }[]>`
      select d.id as "departmentId", d.name as "departmentName", r.name as "regionName"
      from users u join departments d on d.id = u.department_id join regions r on r.code = d.region_code
      where u.username = 'dept'`;
    if (!row) throw new Error('the demo department user is missing');
    const usernames = { supervisor: `rq-sup-${UNIQUE}`, dept: `rq-dept-${UNIQUE}` };
    await createTestUsers(sql, [
      { username: usernames.supervisor, role: 'supervisor', regionCode: '320105', departmentId: null, displayName: '周公开' },
      { username: usernames.dept, role: 'dept', regionCode: '320105', departmentId: Number(row.departmentId), displayName: '吴经办' },
    ]);
    return { departmentId: Number(row.departmentId), departmentName: row.departmentName, regionName: row.regionName, usernames };
  } finally {
    await sql.end();
  }
}

const theWorld = () => (world ??= createWorld());

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await signInThroughForm(page, username);
  return page;
}

async function live(page: Page) {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  // the 已答复 / 已送达 toasts pass before a screenshot
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 6_000 });
  await page.waitForTimeout(300);
}

/** Opens the action's dialog, fills it with `fill`, confirms, and waits for the state the step leads to. */
async function act(page: Page, action: string, fill: (dialog: Locator) => Promise<void>, state: string, screenshot?: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  if (screenshot) {
    await settle(page);
    await page.screenshot({ path: `e2e-artifacts/${screenshot}` });
  }
  await dialog.getByTestId('action-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('state-tag')).toHaveText(state);
}

test('a citizen’s application from filing through 补正, consultation and extension to the reply', async ({ browser }) => {
  const { departmentName, regionName, usernames } = await theWorld();
  const description = `<b>请公开</b> 2026 年本区老旧小区改造项目的立项批复及资金安排情况（${UNIQUE}）。`;

  // the office watches its queue of open requests, then those awaiting 确认收到 (the seeded ones fill more than a page)
  const office = await signedIn(browser, usernames.supervisor);
  await office.goto('/requests');
  await expect(office.getByRole('heading', { name: '依申请公开' })).toBeVisible();
  await settle(office);
  await office.screenshot({ path: 'e2e-artifacts/requests-queue-open.png' });
  await office.goto('/requests?state=submitted');
  await live(office);

  // the citizen applies without logging in; the form checks the ID number as the API does
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/public/request');
  await expect(citizen.getByRole('heading', { name: '申请政府信息公开' })).toBeVisible();
  await citizen.getByTestId('public-submit').click();
  await expect(citizen.getByTestId('request-form')).toContainText('请填写申请人姓名或名称');
  await expect(citizen.getByTestId('request-form')).toContainText('请填写所需信息的描述');
  await citizen.getByLabel('姓名').fill('李小华');
  await citizen.getByLabel('联系电话').fill('139 1234 5678');
  await citizen.getByLabel('证件号码').fill(WRONG_RESIDENT_ID);
  await chooseOption(citizen, '所在地区', regionName);
  await chooseOption(citizen, '申请公开的机关', departmentName, { search: departmentName.slice(0, 4) });
  await citizen.getByLabel('所需政府信息的内容描述').fill(description);
  await citizen.getByLabel('所需信息的用途').fill('了解小区改造安排');
  await citizen.getByLabel('电子邮箱').fill('lixiaohua@example.com');
  await citizen.getByTestId('public-submit').click();
  await expect(citizen.getByTestId('request-form')).toContainText('身份证号码无效：应为 18 位，且校验位正确');
  await citizen.getByLabel('证件号码').fill(RESIDENT_ID);
  await settle(citizen);
  await citizen.screenshot({ path: 'e2e-artifacts/public-request.png', fullPage: true });
  await citizen.getByTestId('public-submit').click();
  const codeText = citizen.getByTestId('filed-tracking-code');
  await expect(codeText).toBeVisible();
  const code = (await codeText.innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await settle(citizen);
  await citizen.screenshot({ path: 'e2e-artifacts/public-request-filed.png', fullPage: true });

  // it appears in the office's queue without a reload, waiting for 确认收到 with its countdown
  const row = office.getByTestId('request-table').locator('tr', { hasText: code });
  await expect(row).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toContainText('新');
  await expect(row).toContainText('待确认');
  await expect(row).toContainText('李小华');
  await expect(row.getByTestId('countdown')).toContainText('剩余');
  await settle(office);
  await office.screenshot({ path: 'e2e-artifacts/requests-queue.png' });

  // the request page: the ID number in full here only
  await row.getByTestId('request-link').click();
  await expect(office.getByTestId('tracking-code')).toHaveText(code);
  await expect(office.getByTestId('request-description')).toHaveText(description);
  await expect(office.getByTestId('applicant-id')).toContainText(RESIDENT_ID);
  await live(office);

  await act(office, 'confirm_receipt', async () => {}, '办理中');
  await expect(office.getByTestId('request-due')).toContainText('24:00 前');
  await expect(office.getByTestId('event-received')).toContainText('周公开');

  await act(
    office,
    'request_correction',
    async (dialog) => {
      await dialog.getByLabel('需要补正的内容').fill('请写明所需批复的文号或大致时间范围。');
      await expect(dialog.getByLabel('补正期限（工作日）')).toHaveValue('15');
    },
    '待补正',
    'request-correction-dialog.png',
  );
  await expect(office.getByTestId('correction-card')).toContainText('请写明所需批复的文号');

  // the citizen sees what to correct
  await citizen.goto(`/public/track?kind=request&code=${code}`);
  await citizen.getByTestId('request-track-phone4').fill('5678');
  await citizen.getByTestId('request-track-submit').click();
  await expect(citizen.getByTestId('request-tracked-state')).toHaveText('待补正');
  await expect(citizen.getByTestId('request-tracked-correction')).toContainText('请写明所需批复的文号');

  await act(office, 'record_correction', async (dialog) => dialog.getByLabel('说明').fill('申请人来电补充：2026 年 3 月的立项批复。'), '办理中');
  await act(
    office,
    'start_consultation',
    async (dialog) => {
      await dialog.getByLabel('名称').fill('某某建设有限公司');
    },
    '征求意见中',
  );
  await expect(office.getByTestId('clock-paused')).toHaveText('征求意见期间暂停计时');
  await settle(office);
  await office.screenshot({ path: 'e2e-artifacts/request-consulting.png' });
  await act(office, 'end_consultation', async () => {}, '办理中');

  // an extension needs its approver and reason; beyond 20 working days the form refuses as the API does
  await act(
    office,
    'extend',
    async (dialog) => {
      await dialog.getByLabel('延长期限（工作日）').fill('25');
      await dialog.getByLabel('批准人').fill('张主任');
      await dialog.getByLabel('延期理由').fill('涉及多个部门，需协调核实。');
      await dialog.getByTestId('action-confirm').click();
      await expect(dialog).toContainText('延长期限最长不得超过 20 个工作日');
      await office.screenshot({ path: 'e2e-artifacts/request-extend-dialog.png' });
      await dialog.getByLabel('延长期限（工作日）').fill('10');
    },
    '办理中',
  );
  await expect(office.getByTestId('extension')).toContainText('延长 10 个工作日 · 批准人 张主任');
  await expect(office.getByTestId('action-extend')).toHaveCount(0);

  // 部分公开 needs its legal basis
  await act(
    office,
    'reply',
    async (dialog) => {
      await chooseOption(office, '答复类型', '部分公开', { within: dialog });
      await dialog.getByLabel('答复内容').fill('经查，您申请的立项批复予以公开，资金安排中涉及企业商业秘密的部分不予公开。');
      await dialog.getByTestId('action-confirm').click();
      await expect(dialog).toContainText('「部分公开」须写明法律依据和理由');
      await dialog.getByLabel('法律依据和理由').fill('依据《中华人民共和国政府信息公开条例》第十五条，涉及商业秘密的部分不予公开。');
      await dialog.getByRole('button', { name: '添加附件' }).click();
      await dialog.getByPlaceholder('附件名称').fill('立项批复.pdf');
      await dialog.getByPlaceholder('https://…').fill('https://www.example.gov.cn/files/lixiang.pdf');
    },
    '已答复',
    'request-reply-dialog.png',
  );
  await expect(office.getByTestId('reply-type-label')).toHaveText('部分公开');

  await act(
    office,
    'deliver',
    async (dialog) => {
      await dialog.getByText('电子邮件', { exact: true }).click();
    },
    '已送达',
  );
  await expect(office.getByTestId('request-delivery')).toContainText('电子邮件');
  for (const kind of ['received', 'correction_requested', 'corrected', 'consultation_started', 'consultation_ended', 'extended', 'replied', 'delivered']) {
    await expect(office.getByTestId(`event-${kind}`)).toBeVisible();
  }
  await settle(office);
  await office.screenshot({ path: 'e2e-artifacts/request-page.png', fullPage: true });
  await office.getByTestId('deadline-explain').click();
  await expect(office.getByTestId('deadline-explanation')).toContainText('不计');
  await office.screenshot({ path: 'e2e-artifacts/request-deadline-explanation.png' });

  // the citizen reads the reply, its basis and attachment, and the delivery; no staff names
  await citizen.goto(`/public/track?kind=request&code=${code}`);
  await citizen.getByTestId('request-track-phone4').fill('0000');
  await citizen.getByTestId('request-track-submit').click();
  await expect(citizen.getByTestId('request-track-failure')).toBeVisible();
  await citizen.getByTestId('request-track-phone4').fill('5678');
  await citizen.getByTestId('request-track-submit').click();
  await expect(citizen.getByTestId('request-tracked-state')).toHaveText('已送达');
  const reply = citizen.getByTestId('request-tracked-reply');
  await expect(reply).toContainText('部分公开');
  await expect(reply).toContainText('第十五条');
  await expect(reply).toContainText('立项批复.pdf');
  await expect(reply).toContainText('电子邮件');
  await expect(citizen.getByTestId('tracked-request')).not.toContainText('周公开');
  await expect(citizen.getByTestId('tracked-request')).not.toContainText('李小华');
  await settle(citizen);
  await citizen.screenshot({ path: 'e2e-artifacts/public-track-request.png', fullPage: true });

  // 归档 ends it: no step is left
  await act(office, 'close', async () => {}, '已归档');
  await expect(office.getByTestId('event-closed')).toContainText('周公开');
  await expect(office.locator('[data-testid^="action-"]')).toHaveCount(0);
});

test('the agency registers a letter; its queue shows its own requests only, a page at a time', async ({ browser }) => {
  const { departmentId, departmentName, usernames } = await theWorld();
  const dept = await signedIn(browser, usernames.dept);
  await dept.goto('/requests');
  await expect(dept.getByRole('heading', { name: '本机关政府信息公开申请' })).toBeVisible();
  await dept.getByTestId('register-request').click();
  const drawer = dept.getByRole('dialog');
  await expect(drawer).toContainText('登记政府信息公开申请');
  await dept.getByTestId('register-request-submit').click();
  await expect(drawer).toContainText('请填写申请人姓名或名称');
  await expect(drawer).toContainText('请填写联系电话');
  await expect(drawer).toContainText('选择邮寄的，请填写通信地址');
  await drawer.getByLabel('联系电话').fill('12345');
  await expect(drawer).toContainText('联系电话应为大陆手机号（11 位）或带区号的固定电话');

  await drawer.getByTestId('applicant-kind').getByText('法人或其他组织').click();
  await chooseOption(dept, '组织类型', '法律服务机构', { within: drawer });
  await drawer.getByLabel('单位名称').fill(`江苏某某律师事务所（${UNIQUE}）`);
  await drawer.getByLabel('联系电话').fill('025-8468 0000');
  await drawer.getByLabel('证件号码').fill('91320105MA1XYP1231');
  // the department's own agency is chosen already
  await expect(drawer.locator('.ant-select', { has: dept.getByRole('combobox', { name: '申请公开的机关' }) })).toContainText(departmentName);
  await drawer.getByLabel('所需政府信息的内容描述').fill('请提供 2025 年度本部门行政处罚决定书目录。');
  await drawer.getByLabel('通信地址').fill('南京市建邺区江东中路 1 号');
  await settle(dept);
  await dept.screenshot({ path: 'e2e-artifacts/request-register-letter.png' });
  await dept.getByTestId('register-request-submit').click();
  await expect(dept).toHaveURL(/\/requests\/\d+$/);
  await expect(dept.getByTestId('state-tag')).toHaveText('办理中');
  await expect(dept.getByTestId('request-due')).toContainText('24:00 前');

  // the applicant withdraws by telephone: the department records it
  await act(dept, 'withdraw', async (dialog) => dialog.getByLabel('撤回说明（如：申请人来电撤回）').fill('申请人来电撤回申请。'), '已撤回');
  await expect(dept.getByTestId('event-withdrawn')).toContainText('吴经办');

  await dept.goto('/requests?state=all');
  await expect(dept.getByTestId('request-table')).toContainText(`江苏某某律师事务所（${UNIQUE}）`);

  // more than a page (20): 下一页 and 上一页 walk the keyset pages
  for (let n = 0; n < 21; n++) {
    const response = await dept.request.post('/api/v1/requests', {
      data: {
        channel: 'in_person',
        applicant: { type: 'person', name: `来访者${n}`, phone: '13900002222' },
        regionId: '320105',
        departmentId,
        description: `当面申请第 ${n} 件（${UNIQUE}）`,
      },
    });
    expect(response.status()).toBe(201);
  }
  await dept.goto('/requests');
  const pager = dept.getByTestId('request-pager');
  await expect(pager).toContainText('第 1 页');
  const firstPage = await dept.getByTestId('request-link').allInnerTexts();
  expect(firstPage).toHaveLength(20);
  await settle(dept);
  await dept.screenshot({ path: 'e2e-artifacts/requests-queue-pages.png', fullPage: true });
  await pager.getByRole('button', { name: /下一页/ }).click();
  await expect(pager).toContainText('第 2 页');
  const secondPage = await dept.getByTestId('request-link').allInnerTexts();
  expect(secondPage.filter((code) => firstPage.includes(code))).toEqual([]);
  await pager.getByRole('button', { name: /上一页/ }).click();
  await expect(pager).toContainText('第 1 页');
  await expect(dept.getByTestId('request-link').first()).toHaveText(firstPage[0]!);
  await dept.goto('/requests?state=withdrawn&channel=in_person');
  await expect(dept.getByTestId('request-table')).toContainText('没有符合条件的申请');
  await settle(dept);
  await dept.screenshot({ path: 'e2e-artifacts/requests-empty.png' });
});

test('an organisation that does not know the agency applies; the region’s government office receives it', async ({ browser }) => {
  const { regionName, usernames } = await theWorld();
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/public/request');
  await citizen.getByTestId('applicant-kind').getByText('法人或其他组织').click();
  await chooseOption(citizen, '组织类型', '社会公益组织');
  await citizen.getByLabel('单位名称').fill(`某某环保公益服务中心（${UNIQUE}）`);
  await citizen.getByLabel('联系电话').fill('13800001111');
  await chooseOption(citizen, '所在地区', regionName);
  await chooseOption(citizen, '申请公开的机关', '不清楚');
  await citizen.getByLabel('所需政府信息的内容描述').fill('请公开本区 2026 年度重点排污单位名录及监测数据。');
  // e-mail delivery needs the address it goes to
  await citizen.getByText('电子邮件', { exact: true }).click();
  await citizen.getByTestId('public-submit').click();
  await expect(citizen.getByTestId('request-form')).toContainText('选择电子邮件获取的，请填写电子邮箱');
  await citizen.getByLabel('电子邮箱').fill('info@example.org');
  await citizen.getByTestId('public-submit').click();
  const code = (await citizen.getByTestId('filed-tracking-code').innerText()).trim();

  const office = await signedIn(browser, usernames.supervisor);
  await office.goto('/requests?sort=received');
  const row = office.getByTestId('request-table').locator('tr', { hasText: code });
  await expect(row).toContainText('（申请人未指明）');
  await expect(row).toContainText('社会公益组织');
  await row.getByTestId('request-link').click();
  await expect(office.getByTestId('applicant-name')).toHaveText(`某某环保公益服务中心（${UNIQUE}）`);
});

test('a letter registered after its reply was due raises a red request alert live on the wall; the reply resolves it live', async ({ browser }) => {
  const { departmentId, usernames } = await theWorld();
  const wall = await signedIn(browser, usernames.supervisor);
  await wall.goto('/');
  await live(wall);

  // received 60 days ago (over 40 working days): past its due day and past red (10 working days after it)
  const receivedAt = new Date(Date.now() - 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const api = (await (await browser.newContext()).newPage()).request;
  await signInThroughApi(api, usernames.supervisor);
  const filed = await api.post('/api/v1/requests', {
    data: {
      channel: 'letter',
      applicant: { type: 'person', name: '赵来信', phone: '13912345678' },
      regionId: '320105',
      departmentId,
      description: `请公开本区 2026 年道路维修工程的招标结果（来信 ${UNIQUE}）。`,
      receivedAt,
    },
  });
  expect(filed.status()).toBe(201);
  const { id, trackingCode } = (await filed.json()) as { id: number; trackingCode: string };

  const row = wall.getByTestId('alert-row').filter({ has: wall.locator(`a[href="/requests/${id}"]`) });
  await expect(row).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toHaveAttribute('data-level', 'red');
  await expect(row).toContainText(trackingCode);
  await settle(wall);
  await wall.screenshot({ path: 'e2e-artifacts/wall-request-alert.png' });

  const replied = await api.post(`/api/v1/requests/${id}/actions`, {
    data: { action: 'reply', type: 'disclosed', text: '经查，所申请信息予以公开，见附件。' },
  });
  expect(replied.status()).toBe(200);
  await expect(row).toHaveAttribute('data-state', 'resolved', { timeout: LIVE_MS });
});
