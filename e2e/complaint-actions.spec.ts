// The complaint page offers exactly what the API accepts: for each kind of user and each state of a complaint,
// the buttons (and the reply editor) on /complaints/:id are read from the page, then every one of the ten
// actions is sent to POST /api/v1/complaints/:id/actions in the same session. Each offered action succeeds;
// each other one is refused with 403 or 409. Users: a handler, staff of the assigned department and a county
// supervisor (who may only chase, 催办). The full matrix (out of scope, other departments, every role) runs without a
// browser in app/api/v1/complaints/[id]/actions/offered-actions.int.test.ts; this spec proves the page itself.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { hashPassword } from '../lib/auth/password';
import { createDepartment, createRegionTree } from '../lib/auth/test-fixtures';
import { e2eServerInfo } from './support/e2e-database';
import { DEMO_PASSWORD, signInThroughApi } from './support/sign-in';

const UNIQUE = Date.now().toString(36);
const ACTIONS = ['assign', 'accept', 'start', 'return', 'extend', 'reply', 'remind', 'rate', 'close', 'note'] as const;
type Action = (typeof ACTIONS)[number];
const USERS = ['handler', 'dept', 'supervisor'] as const;
type UserName = (typeof USERS)[number];
// 办理中 behaves as 已签收 and 办结 offers nothing to anyone: both are in the integration matrix
const VARIANTS = ['received', 'assigned', 'accepted', 'replied', 'returned', 'reopened'] as const;
type Variant = (typeof VARIANTS)[number];

interface World {
  departmentId: number;
  usernames: Record<UserName, string>;
}

let world: Promise<World> | undefined;

/**
 * A region tree, department and accounts of this spec's own, outside the demo province: the dozens of
 * complaints it files must not crowd the demo users' queues that other specs read.
 */
async function createWorld(): Promise<World> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const { county } = await createRegionTree(sql);
    // a bigint id: this plain postgres.js client reads it as a string
    const departmentId = Number(await createDepartment(sql, county.code, '测试县生态环境局'));
    const hash = await hashPassword(DEMO_PASSWORD);
    const accounts: [UserName, string, string, number | null][] = [
      ['handler', 'handler', county.code, null],
      ['dept', 'dept', county.code, departmentId],
      ['supervisor', 'supervisor', county.code, null],
    ];
    const usernames = {} as Record<UserName, string>;
    for (const [name, role, regionCode, departmentId] of accounts) {
      const username = `ca-${name.toLowerCase()}-${UNIQUE}`;
      await sql`
        insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
        values (${username}, '矩阵测试', ${hash}, ${role}, ${regionCode}, ${departmentId}, ${new Date()}, ${new Date()})
        on conflict (username) do nothing`;
      usernames[name] = username;
    }
    return { departmentId, usernames };
  } finally {
    await sql.end();
  }
}

async function post(request: APIRequestContext, path: string, data: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request.post(path, { data });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

async function must(request: APIRequestContext, id: number, data: Record<string, unknown>): Promise<void> {
  const { status, body } = await post(request, `/api/v1/complaints/${id}/actions`, data);
  expect(status, `setting up ${String(data.action)}: ${JSON.stringify(body)}`).toBe(200);
}

/** A fresh complaint of the spec's county in this state, registered by the handler and brought there through the API. */
async function complaintIn(variant: Variant, desks: { handler: APIRequestContext; dept: APIRequestContext }, departmentId: number): Promise<number> {
  const filed = await post(desks.handler, '/api/v1/complaints', {
    channel: 'phone',
    content: `来电反映：环评批复没有按时公开（${variant}）。`,
    phone: '13800001234',
    departmentId,
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const id = filed.body.id as number;
  if (variant === 'received') return id;
  await must(desks.handler, id, { action: 'assign', departmentId });
  if (variant === 'assigned') return id;
  if (variant === 'returned') {
    await must(desks.dept, id, { action: 'return', note: '不属于本部门职责' });
    return id;
  }
  await must(desks.dept, id, { action: 'accept' });
  if (variant === 'accepted') return id;
  await must(desks.dept, id, { action: 'reply', reply: '该批复已在政府网站公开。' });
  if (variant === 'replied') return id;
  await must(desks.handler, id, { action: 'rate', satisfaction: 'dissatisfied' });
  return id;
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Bodies the API accepts for `action` whenever the action itself is allowed (延期: the next weekdays). */
async function bodiesFor(action: Action, id: number, handler: APIRequestContext, departmentId: number): Promise<Record<string, unknown>[]> {
  switch (action) {
    case 'assign':
      return [{ action, departmentId }];
    case 'return':
      return [{ action, note: '不属于本部门职责' }];
    case 'extend': {
      const detail = (await (await handler.get(`/api/v1/complaints/${id}`)).json()) as { replyDueAt: string };
      const due = Date.parse(detail.replyDueAt) - 1;
      const days = [1, 2, 3, 4, 5, 6, 7].map((n) => due + n * 86_400_000).filter((ms) => ![0, 6].includes(new Date(ms + 8 * 3_600_000).getUTCDay()));
      return days.map((ms) => ({ action, dueDate: shanghaiDay(ms), note: '需要进一步调查' }));
    }
    case 'reply':
      return [{ action, reply: '已核实，相关信息已在政府网站公开。' }];
    case 'rate':
      return [{ action, satisfaction: 'satisfied' }];
    case 'close':
      return [{ action, note: '回访完成' }];
    case 'note':
      return [{ action, note: '已电话联系投诉人' }];
    default:
      return [{ action }];
  }
}

/** The actions the complaint page offers: its buttons, and 答复 when the reply editor is shown. */
async function offeredOnPage(page: Page, id: number): Promise<Action[]> {
  await page.goto(`/complaints/${id}`);
  // forbidden() renders 无权查看 (the status may already be sent with the layout)
  await expect(page.getByTestId('tracking-code').or(page.getByText('无权查看'))).toBeVisible();
  if ((await page.getByTestId('tracking-code').count()) === 0) return [];
  const buttons = await page.locator('[data-testid^="action-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')!.slice('action-'.length)));
  const offered = new Set(buttons);
  if (await page.getByTestId('reply-editor').count()) offered.add('reply');
  return ACTIONS.filter((action) => offered.has(action));
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page.request, username);
  return page;
}

for (const variant of VARIANTS) {
  test(`a complaint ${variant}: the page offers exactly the actions the API accepts`, async ({ browser }) => {
    const { departmentId, usernames } = await (world ??= createWorld());
    const pages = {} as Record<UserName, Page>;
    for (const name of USERS) pages[name] = await signedIn(browser, usernames[name]);
    const desks = { handler: pages.handler.request, dept: pages.dept.request };

    const outcomes = {} as Record<UserName, { offered: Action[]; accepted: Action[] }>;
    for (const name of USERS) {
      let id = await complaintIn(variant, desks, departmentId);
      const offered = await offeredOnPage(pages[name], id);
      const accepted: Action[] = [];
      for (const action of ACTIONS) {
        let status = 0;
        for (const body of await bodiesFor(action, id, desks.handler, departmentId)) {
          status = (await post(pages[name].request, `/api/v1/complaints/${id}/actions`, body)).status;
          if (status !== 422) break; // 延期 to a holiday: try the next weekday
        }
        if (status === 200) {
          accepted.push(action);
          id = await complaintIn(variant, desks, departmentId);
        } else {
          expect([403, 409], `${name} ${action}`).toContain(status);
        }
      }
      outcomes[name] = { offered, accepted };
    }
    for (const name of USERS) expect(outcomes[name].accepted, name).toEqual(outcomes[name].offered);
    expect(outcomes.handler.offered.length).toBeGreaterThan(0);
    for (const page of Object.values(pages)) await page.context().close();
  });
}
