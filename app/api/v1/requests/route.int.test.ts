// The request API end to end (without HTTP, through the route handlers): public filing and its refusals, staff
// registration of letters, every transition of the workflow, the worked due dates (receipt, a
// consultation, the restart after 补正, the extension), the 409s, tracking with one 404, masking, and the alerts.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRACKING_CODE_PATTERN } from '../../../../lib/complaints/tracking-code';
import { sql } from '../../../../lib/db/sql';
import { createRequestWorld, requestBody, type RequestWorld } from '../../../../lib/requests/test-fixtures';
import { POST as act } from './[id]/actions/route';
import { GET as getOne } from './[id]/route';
import { GET as list, POST as file } from './route';
import { GET as track } from './track/[code]/route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: RequestWorld;

beforeAll(async () => {
  world = await createRequestWorld(sql);
});

// every test speaks from its own address, so the per-address budgets of one test never touch another
const newAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;

function request(path: string, init: { method?: string; body?: unknown; cookie?: string; address?: string } = {}) {
  const headers: Record<string, string> = { host: '127.0.0.1:3000', 'x-dw-client-address': init.address ?? newAddress() };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.method === 'POST') {
    headers.origin = ORIGIN;
    headers['content-type'] = 'application/json';
  }
  return new Request(`${ORIGIN}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

async function json(response: Response | Promise<Response>) {
  const r = await response;
  return { status: r.status, body: await r.json(), headers: r.headers };
}

const fileAs = (body: Record<string, unknown>, cookie?: string, address?: string) =>
  json(file(request('/api/v1/requests', { method: 'POST', body, cookie, address })));
const getAs = (id: number, cookie: string) => json(getOne(request(`/api/v1/requests/${id}`, { cookie }), { params: Promise.resolve({ id: String(id) }) }));
const actOn = (id: number, body: Record<string, unknown>, cookie = world.cookies.supervisor) =>
  json(act(request(`/api/v1/requests/${id}/actions`, { method: 'POST', body, cookie }), { params: Promise.resolve({ id: String(id) }) }));
const listAs = (query: string, cookie: string) => json(list(request(`/api/v1/requests?${query}`, { cookie })));
const trackOf = (code: string, phone4: string) =>
  json(track(request(`/api/v1/requests/track/${code}?phone4=${phone4}`), { params: Promise.resolve({ code }) }));

const counts = async () =>
  (await sql<{ requests: number; events: number }[]>`
    select (select count(*)::int from requests) as requests, (select count(*)::int from request_events) as events`)[0]!;

/** A letter registered by the county's supervisor, received at `receivedAt`. */
async function letter(receivedAt: string, overrides: Record<string, unknown> = {}) {
  const { status, body } = await fileAs(requestBody(world, { channel: 'letter', receivedAt, ...overrides }), world.cookies.supervisor);
  expect(status, JSON.stringify(body)).toBe(201);
  return body as { id: number; trackingCode: string };
}

describe('POST /api/v1/requests', () => {
  it('files an online application without login: 201 {id, trackingCode}, waiting for 确认收到', async () => {
    const { status, body } = await fileAs(requestBody(world));
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(['id', 'trackingCode']);
    expect(body.trackingCode).toMatch(TRACKING_CODE_PATTERN);
    const { body: detail } = await getAs(body.id, world.cookies.supervisor);
    expect(detail).toMatchObject({ state: 'submitted', channel: 'online', receivedAt: null, dueAt: null, actions: ['confirm_receipt', 'withdraw'] });
    expect(detail.confirmDueAt).toMatch(/\+08:00$/);
    expect(detail.events).toMatchObject([{ kind: 'submitted', actor: '申请人', toState: 'submitted' }]);
  });

  it('sends an application whose agency the applicant did not know (不清楚) to the region’s government office', async () => {
    const { status, body } = await fileAs(requestBody(world, { departmentId: undefined }));
    expect(status).toBe(201);
    const { body: detail } = await getAs(body.id, world.cookies.supervisor);
    expect(detail).toMatchObject({ departmentId: world.governmentOfficeId, departmentName: '测试县人民政府办公室', departmentUnknown: true });
  });

  it('refuses bad input with zh-CN messages naming the field, and writes nothing', async () => {
    const before = await counts();
    const missing = await fileAs(requestBody(world, { description: undefined }));
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', fields: { description: '请填写所需信息的描述' } } } });
    const badId = await fileAs(requestBody(world, { applicant: { type: 'person', name: '李四', idType: 'resident_id', idNo: '110105194912310021', phone: '13812345678' } }));
    expect(badId).toMatchObject({ status: 400, body: { error: { fields: { 'applicant.idNo': '身份证号码无效：应为 18 位，且校验位正确' } } } });
    const badPhone = await fileAs(requestBody(world, { applicant: { type: 'person', name: '李四', phone: '12345' } }));
    expect(badPhone).toMatchObject({ status: 400, body: { error: { fields: { 'applicant.phone': '联系电话应为大陆手机号（11 位）或带区号的固定电话' } } } });
    const badType = await fileAs(requestBody(world, { applicant: { type: 'company', name: '某公司', phone: '13812345678' } }));
    expect(badType.status).toBe(400);
    expect(badType.body.error.fields['applicant.type']).toContain('申请人类型');
    const unknownAgency = await fileAs(requestBody(world, { departmentId: world.farDepartment.id }));
    expect(unknownAgency).toMatchObject({ status: 422, body: { error: { code: 'unknown_reference', fields: { departmentId: '受理机关不存在或不属于所选区域' } } } });
    const unknownRegion = await fileAs(requestBody(world, { regionId: '000000' }));
    expect(unknownRegion).toMatchObject({ status: 422, body: { error: { fields: { regionId: '受理区域不存在' } } } });
    const publicLetter = await fileAs(requestBody(world, { channel: 'letter', receivedAt: '2026-11-02' }));
    expect(publicLetter).toMatchObject({ status: 403, body: { error: { fields: { channel: '信函、当面申请由工作人员登记，网上只能提交网上申请' } } } });
    const markup = await fileAs(requestBody(world, { extra: '<script>' }));
    expect(markup).toMatchObject({ status: 400, body: { error: { fields: { _: '不支持的字段：extra' } } } });
    expect(await counts()).toEqual(before);
  });

  it('answers a bot that fills the honeypot like a person, and stores nothing', async () => {
    const before = await counts();
    const { status, body } = await fileAs(requestBody(world, { website: 'http://spam.example' }));
    expect(status).toBe(201);
    expect(body.trackingCode).toMatch(TRACKING_CODE_PATTERN);
    expect(await counts()).toEqual(before);
  });

  it('a flood from one address gets 429 with Retry-After, before its body is read; another address is still served', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await fileAs(requestBody(world, { description: `第 ${i} 次申请：本县年度预算执行情况` }), undefined, address)).status);
    expect(statuses.every((status) => status === 201)).toBe(true);
    const refused = await fileAs(requestBody(world), undefined, address);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fileAs(requestBody(world))).status).toBe(201);
  });

  it('caps the public body and refuses what is not JSON', async () => {
    const huge = await fileAs(requestBody(world, { description: '长'.repeat(12_000) }));
    expect(huge.status).toBe(413);
    const notJson = await file(
      new Request(`${ORIGIN}/api/v1/requests`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', origin: ORIGIN, 'content-type': 'text/plain', 'x-dw-client-address': newAddress() },
        body: 'hello',
      }),
    );
    expect(notJson.status).toBe(415);
    const crossSite = await file(
      new Request(`${ORIGIN}/api/v1/requests`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', origin: 'https://evil.example', 'content-type': 'application/json', 'x-dw-client-address': newAddress() },
        body: JSON.stringify(requestBody(world)),
      }),
    );
    expect(crossSite.status).toBe(403);
  });

  it('refuses a receivedAt in the future or on an online application', async () => {
    const future = await fileAs(requestBody(world, { channel: 'letter', receivedAt: '2099-01-01' }), world.cookies.supervisor);
    expect(future).toMatchObject({ status: 400, body: { error: { fields: { receivedAt: '收到申请的时间不能晚于今天' } } } });
    const online = await fileAs(requestBody(world, { receivedAt: '2026-11-02' }), world.cookies.supervisor);
    expect(online.status).toBe(400);
    expect(online.body.error.fields.receivedAt).toContain('确认收到');
  });
});

describe('the reply clock through the API (the issue’s worked examples)', () => {
  it('received Monday 2026-11-02 → due 2026-11-30 24:00', async () => {
    const { id } = await letter('2026-11-02');
    const { body } = await getAs(id, world.cookies.supervisor);
    expect(body).toMatchObject({ state: 'received', receivedAt: '2026-11-02T00:00:00+08:00', dueAt: '2026-12-01T00:00:00+08:00', pausedWorkingDays: 0 });
    expect(body.deadline.dueDay).toBe('2026-11-30');
  });

  it('a consultation from 11-10 to 11-16 moves it to 2026-12-04 24:00; one extension of 5 to 12-11; a second → 409', async () => {
    const { id } = await letter('2026-11-02');
    const started = await actOn(id, { action: 'start_consultation', at: '2026-11-10T15:00:00+08:00', with: '第三方：某建设单位' });
    expect(started).toMatchObject({ status: 200, body: { state: 'consulting', consultation: { with: '第三方：某建设单位' } } });
    const reply = await actOn(id, { action: 'reply', type: 'disclosed', text: '予以公开' });
    expect(reply).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: '正在征求意见，请先结束征求意见再答复' } } });
    const ended = await actOn(id, { action: 'end_consultation', at: '2026-11-16T10:00:00+08:00' });
    expect(ended).toMatchObject({ status: 200, body: { state: 'received', dueAt: '2026-12-05T00:00:00+08:00', pausedWorkingDays: 4 } });
    expect(ended.body.deadline.skipped.filter((s: { reason: string }) => s.reason === 'paused').map((s: { day: string }) => s.day)).toEqual([
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
    ]);

    const tooLong = await actOn(id, { action: 'extend', at: '2026-11-20', workingDays: 21, approver: '王主任', reason: '需要调取档案' });
    expect(tooLong).toMatchObject({ status: 400, body: { error: { fields: { workingDays: '延长期限最长不得超过 20 个工作日' } } } });
    const noApprover = await actOn(id, { action: 'extend', at: '2026-11-20', workingDays: 5, reason: '需要调取档案' });
    expect(noApprover).toMatchObject({ status: 400, body: { error: { fields: { approver: '请填写批准人' } } } });
    const extended = await actOn(id, { action: 'extend', at: '2026-11-20', workingDays: 5, approver: '王主任', reason: '需要调取档案' });
    expect(extended).toMatchObject({
      status: 200,
      body: { state: 'received', extendedWorkingDays: 5, dueAt: '2026-12-12T00:00:00+08:00', extension: { approver: '王主任', workingDays: 5 } },
    });
    const again = await actOn(id, { action: 'extend', at: '2026-11-23', workingDays: 1, approver: '王主任', reason: '再延' });
    expect(again).toMatchObject({ status: 409, body: { error: { message: '答复期限只能延长一次' } } });
  });

  it('restarts from the corrected application received 2026-11-09 → due 2026-12-07 24:00', async () => {
    const { id } = await letter('2026-11-02T10:00:00+08:00');
    const asked = await actOn(id, { action: 'request_correction', at: '2026-11-04', what: '请写明所需文件的文号或名称' });
    expect(asked).toMatchObject({
      status: 200,
      body: { state: 'correction_requested', dueAt: null, correction: { what: '请写明所需文件的文号或名称', workingDays: 15, dueAt: '2026-11-26T00:00:00+08:00' } },
    });
    const corrected = await actOn(id, { action: 'record_correction', at: '2026-11-09T16:00:00+08:00' });
    expect(corrected).toMatchObject({ status: 200, body: { state: 'received', dueAt: '2026-12-08T00:00:00+08:00' } });
    const twice = await actOn(id, { action: 'request_correction', at: '2026-11-10', what: '再补正' });
    expect(twice).toMatchObject({ status: 409, body: { error: { message: '补正只能一次性告知，本申请已告知过补正' } } });
  });

  it('refuses a 补正 notice later than 7 working days after receipt', async () => {
    const { id } = await letter('2026-11-02');
    const late = await actOn(id, { action: 'request_correction', at: '2026-11-12', what: '请写明文号' });
    expect(late).toMatchObject({ status: 409, body: { error: { message: '补正须在收到申请之日起 7 个工作日内告知（截至 2026-11-11），已超过期限' } } });
  });

  it('closes an application whose correction period passed as abandoned (视为放弃申请)', async () => {
    const { id } = await letter('2026-11-02');
    await actOn(id, { action: 'request_correction', at: '2026-11-03', what: '请写明文号', periodWorkingDays: 2 });
    const late = await actOn(id, { action: 'record_correction', at: '2026-11-06' });
    expect(late.status).toBe(409);
    const closed = await actOn(id, { action: 'close' });
    expect(closed).toMatchObject({ status: 200, body: { state: 'abandoned', actions: [] } });
  });
});

describe('the workflow of an online application', () => {
  it('confirm → reply → deliver → close, with 409 for steps out of order and `at` kept in order', async () => {
    const { body: filed } = await fileAs(requestBody(world));
    const id = filed.id as number;
    expect(await actOn(id, { action: 'reply', type: 'disclosed', text: '予以公开' })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', message: '申请待确认，不能答复' } },
    });
    const future = await actOn(id, { action: 'confirm_receipt', at: '2099-01-01T10:00:00+08:00' });
    expect(future).toMatchObject({ status: 400, body: { error: { fields: { at: '时间不能晚于当前时间' } } } });
    const before = await actOn(id, { action: 'confirm_receipt', at: '2020-01-01' });
    expect(before.status).toBe(400);
    expect(before.body.error.fields.at).toContain('不能早于上一步');

    const confirmed = await actOn(id, { action: 'confirm_receipt' });
    expect(confirmed).toMatchObject({ status: 200, body: { state: 'received', confirmDueAt: null } });
    expect(confirmed.body.dueAt).not.toBeNull();
    const noBasis = await actOn(id, { action: 'reply', type: 'withheld', text: '不予公开' });
    expect(noBasis).toMatchObject({ status: 400, body: { error: { fields: { basis: '「不予公开」须写明法律依据和理由' } } } });
    const replied = await actOn(id, {
      action: 'reply',
      type: 'partly_disclosed',
      text: '部分公开，附件为可公开部分',
      basis: '《政府信息公开条例》第十五条：涉及商业秘密',
      ground: 'third_party',
      attachments: [{ name: '批复.pdf', url: 'https://example.gov.cn/files/1.pdf' }],
    });
    expect(replied).toMatchObject({ status: 200, body: { state: 'replied', level: 'none', reply: { type: 'partly_disclosed', ground: 'third_party' } } });
    expect(await actOn(id, { action: 'withdraw' })).toMatchObject({ status: 409 });
    expect(await actOn(id, { action: 'deliver', method: 'email' })).toMatchObject({ status: 200, body: { state: 'delivered', deliveryMethod: 'email' } });
    const closed = await actOn(id, { action: 'close' });
    expect(closed).toMatchObject({ status: 200, body: { state: 'closed', actions: [] } });
    expect(closed.body.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'received', 'replied', 'delivered', 'closed']);
  });

  it('lets the applicant withdraw during a consultation', async () => {
    const { id } = await letter('2026-11-02');
    await actOn(id, { action: 'start_consultation', at: '2026-11-05', with: '市自然资源局' });
    expect(await actOn(id, { action: 'withdraw', note: '申请人来电撤回' })).toMatchObject({ status: 200, body: { state: 'withdrawn' } });
  });

  it('refuses an unknown action and an action of another region', async () => {
    const { id } = await letter('2026-11-02');
    expect(await actOn(id, { action: 'approve' })).toMatchObject({ status: 400, body: { error: { fields: { action: '未知的操作' } } } });
    expect(await actOn(id, { action: 'reply', type: 'disclosed', text: '予以公开' }, world.cookies.farSupervisor)).toMatchObject({ status: 403 });
    expect(await actOn(id, { action: 'reply', type: 'disclosed', text: '予以公开' }, world.cookies.leader)).toMatchObject({ status: 403 });
  });
});

describe('reading requests', () => {
  it('lists the scope’s requests by time left, with the ID number masked; the request itself shows it', async () => {
    const { id } = await letter('2026-11-02');
    const { status, body } = await listAs(`state=received&departmentId=${world.department.id}&limit=500`, world.cookies.supervisor);
    expect(status).toBe(200);
    const row = body.data.find((r: { id: number }) => r.id === id);
    expect(row.applicant).toMatchObject({ name: '李四', idNo: '110105********002X', phone: '13812345678' });
    const dues = body.data.map((r: { dueAt: string }) => r.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const { body: detail } = await getAs(id, world.cookies.supervisor);
    expect(detail.applicant.idNo).toBe('11010519491231002X');

    const far = await listAs('limit=500', world.cookies.farSupervisor);
    expect(far.body.data.find((r: { id: number }) => r.id === id)).toBeUndefined();
    expect(await getAs(id, world.cookies.farSupervisor)).toMatchObject({ status: 403 });
    expect(await listAs('', world.cookies.leader)).toMatchObject({ status: 403 });
    const dept = await listAs('limit=500', world.cookies.dept);
    expect(dept.body.data.find((r: { id: number }) => r.id === id)).toBeDefined();
    expect(await listAs('level=purple', world.cookies.supervisor)).toMatchObject({ status: 400, body: { error: { fields: { level: '预警级别无效' } } } });
  });

  it('pages with a cursor', async () => {
    await letter('2026-11-03');
    await letter('2026-11-04');
    const first = await listAs('limit=1&sort=received', world.cookies.supervisor);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await listAs(`limit=1&sort=received&cursor=${first.body.next}`, world.cookies.supervisor);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    expect(await listAs('cursor=nonsense', world.cookies.supervisor)).toMatchObject({ status: 400 });
  });

  it('tracks by code and the phone’s last 4 digits, with no personal data, and one 404 for a wrong pair and an unknown code', async () => {
    const { id, trackingCode } = await letter('2026-11-02');
    await actOn(id, { action: 'request_correction', at: '2026-11-04', what: '请写明文号' });
    const { status, body } = await trackOf(trackingCode, '5678');
    expect(status).toBe(200);
    expect(body).toMatchObject({ trackingCode, state: 'correction_requested', correction: { what: '请写明文号' } });
    expect(JSON.stringify(body)).not.toMatch(/李四|13812345678|11010519491231002X|人民路/);
    const wrong = await trackOf(trackingCode, '0000');
    const unknown = await trackOf('2222-3333-4444', '5678');
    expect(wrong).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: '未找到该申请，请核对查询码和联系电话后4位' } } });
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });
});

describe('request alerts', () => {
  it('raise a reply alert on an overdue request and resolve it with the reply', async () => {
    const { id, trackingCode } = await letter('2026-11-02');
    const [alert] = await sql<{ state: string; level: string; rule_kind: string; request_id: number; message: string; search_text: string }[]>`
      select state, level, rule_kind, request_id, message, search_text from alerts where subject_type = 'request' and subject_id = ${id}`;
    const { body: detail } = await getAs(id, world.cookies.supervisor);
    // received 11-02 and unanswered: overdue since 12-01 00:00 whatever day the suite runs
    expect(['orange', 'red']).toContain(detail.level);
    expect(alert).toMatchObject({ state: 'open', level: detail.level, rule_kind: 'request_reply', request_id: id });
    expect(alert!.message).toContain(trackingCode);
    expect(alert!.search_text).toContain(trackingCode.toLowerCase());
    expect(alert!.search_text).toContain('建设项目环境影响评价');
    expect(alert!.message).not.toContain('李四');

    await actOn(id, { action: 'reply', type: 'not_exist', text: '经检索，本机关未制作该信息' });
    const [after] = await sql<{ state: string }[]>`select state from alerts where subject_type = 'request' and subject_id = ${id}`;
    expect(after).toMatchObject({ state: 'resolved' });
  });
});
