// The complaint API end to end (without HTTP): public filing and its refusals, the honeypot, floods → 429,
// tracking with the same 404 for a wrong phone4 and an unknown code, masking by role, and the lifecycle
// through the actions endpoint up to the citizen's rating and 重办.
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintActionsFor } from '../../../../lib/auth/permissions/complaint-access';
import { createComplaintWorld, type ComplaintWorld } from '../../../../lib/complaints/test-fixtures';
import { TRACKING_CODE_PATTERN } from '../../../../lib/complaints/tracking-code';
import { sql } from '../../../../lib/db/sql';
import { POST as act } from './[id]/actions/route';
import { GET as getDetail } from './[id]/route';
import { GET as list, POST as file } from './route';
import { POST as rate } from './track/[code]/rating/route';
import { GET as track } from './track/[code]/route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: ComplaintWorld;

beforeAll(async () => {
  world = await createComplaintWorld(sql);
});

// every test speaks from its own address, so the per-address budgets of one test never touch another
const newAddress = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;

function request(path: string, init: { method?: string; body?: unknown; rawBody?: string; cookie?: string; address?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = { host: '127.0.0.1:3000', 'x-dw-client-address': init.address ?? newAddress() };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.method === 'POST') {
    headers.origin = ORIGIN;
    headers['content-type'] = init.contentType ?? 'application/json';
  }
  return new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

async function json(response: Response | Promise<Response>) {
  const r = await response;
  return { status: r.status, body: await r.json(), headers: r.headers };
}

const fileOnline = (body: Record<string, unknown>, address?: string) =>
  json(file(request('/api/v1/complaints', { method: 'POST', body, address })));

const validBody = () => ({
  channel: 'online',
  content: '生态环境局网站上的建设项目环评批复一直没有公开，请尽快公开。',
  phone: '13812345678',
  name: '张三',
  departmentId: world.department.id,
});

const trackOf = (code: string, phone4: string) =>
  json(track(request(`/api/v1/complaints/track/${code}?phone4=${phone4}`), { params: Promise.resolve({ code }) }));

const actOn = (id: number, body: Record<string, unknown>, cookie: string) =>
  json(act(request(`/api/v1/complaints/${id}/actions`, { method: 'POST', body, cookie }), { params: Promise.resolve({ id: String(id) }) }));

const idOf = async (code: string) => (await sql<{ id: number }[]>`select id from complaints where tracking_code = ${code}`)[0]!.id;

const complaintCount = async () => (await sql<{ n: number }[]>`select count(*)::int as n from complaints`)[0]!.n;

describe('POST /api/v1/complaints (public)', () => {
  it('files an online complaint without login and answers with a tracking code only', async () => {
    const { status, body } = await fileOnline(validBody());
    expect(status).toBe(201);
    expect(Object.keys(body)).toEqual(['trackingCode']);
    expect(body.trackingCode).toMatch(TRACKING_CODE_PATTERN);
    const [row] = await sql`select state, channel, created_by, department_id from complaints where tracking_code = ${body.trackingCode}`;
    expect(row).toMatchObject({ state: 'received', channel: 'online', created_by: '群众', department_id: world.department.id });
    const events = await sql`select kind, actor from complaint_events e join complaints c on c.id = e.complaint_id where c.tracking_code = ${body.trackingCode}`;
    expect(events).toEqual([{ kind: 'received', actor: '群众' }]);
  });

  it('refuses bad input with a zh-CN message per field and stores nothing', async () => {
    const before = await complaintCount();
    const wrongTypes = await fileOnline({ ...validBody(), content: 42, phone: ['138'], departmentId: 'x' });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.error.fields).toMatchObject({
      content: '投诉内容必须是文本',
      phone: '联系电话必须是文本',
      departmentId: '投诉涉及的部门编号必须是整数',
    });
    const unknownKey = await fileOnline({ ...validBody(), isAdmin: true });
    expect(unknownKey.body.error.fields._).toBe('不支持的字段：isAdmin');
    const tooShort = await fileOnline({ ...validBody(), content: '没公开' });
    expect(tooShort.body.error.fields.content).toBe('投诉内容至少 10 个字');
    const otherRegion = await fileOnline({ ...validBody(), regionId: world.regions.otherCounty.code });
    expect(otherRegion).toMatchObject({ status: 400, body: { error: { fields: { departmentId: '所选部门不属于所选地区' } } } });
    const badRegion = await fileOnline({ ...validBody(), departmentId: undefined, regionId: '32010' });
    expect(badRegion).toMatchObject({ status: 400, body: { error: { fields: { regionId: '区域代码应为 6 位数字' } } } });
    const unknownRegion = await fileOnline({ ...validBody(), departmentId: undefined, regionId: '000001' });
    expect(unknownRegion).toMatchObject({ status: 400, body: { error: { fields: { regionId: '所选地区不存在' } } } });
    const unknownDepartment = await fileOnline({ ...validBody(), departmentId: 999_999_999 });
    expect(unknownDepartment).toMatchObject({ status: 422, body: { error: { code: 'unknown_reference' } } });
    const phoneChannel = await fileOnline({ ...validBody(), channel: 'phone' });
    expect(phoneChannel).toMatchObject({ status: 403, body: { error: { message: '公众只能通过网上渠道投诉' } } });
    const syntax = await json(file(request('/api/v1/complaints', { method: 'POST', rawBody: '{"channel":' })));
    expect(syntax).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const form = await json(file(request('/api/v1/complaints', { method: 'POST', rawBody: 'a=b', contentType: 'application/x-www-form-urlencoded' })));
    expect(form.status).toBe(415);
    expect(await complaintCount()).toBe(before);
  });

  it('refuses an oversized body with 413', async () => {
    const before = await complaintCount();
    const { status, body } = await fileOnline({ ...validBody(), content: '超'.repeat(20_000) });
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload_too_large');
    const long = await fileOnline({ ...validBody(), content: '长'.repeat(2_001) });
    expect(long.body.error.fields.content).toBe('投诉内容不超过 2000 个字');
    expect(await complaintCount()).toBe(before);
  });

  it('stores markup as plain text and gives it back verbatim', async () => {
    const content = '<script>alert("x")</script><img src=x onerror=alert(1)> 信息未公开，请处理';
    const { body } = await fileOnline({ ...validBody(), content });
    const [row] = await sql`select content from complaints where tracking_code = ${body.trackingCode}`;
    expect(row!.content).toBe(content);
  });

  it('a filled honeypot looks accepted but stores nothing', async () => {
    const before = await complaintCount();
    const { status, body } = await fileOnline({ ...validBody(), website: 'http://spam.example' });
    expect(status).toBe(201);
    expect(body.trackingCode).toMatch(TRACKING_CODE_PATTERN);
    expect(await complaintCount()).toBe(before);
  });

  it('a flood from one address gets 429 with Retry-After; another address is still served', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await fileOnline({ ...validBody(), content: `第 ${i} 次投诉：信息一直没有公开。` }, address)).status);
    expect(statuses.every((status) => status === 201)).toBe(true);
    const refused = await fileOnline(validBody(), address);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fileOnline(validBody())).status).toBe(201);
  });
});

// DESIGN §3: regionId and departmentId are optional; without a department the complaint waits for dispatch
// (派单) in the queue of its region, or the province's, and the handler assigns the department.
describe('complaints without a department', () => {
  const noDepartment = () => ({ ...validBody(), departmentId: undefined });
  type Row = { id: number; trackingCode: string; state: string; departmentName: string | null };
  const queue = async (cookie: string) =>
    (await json(list(request('/api/v1/complaints?state=received&limit=500', { cookie })))).body.data as Row[];
  const rowOf = async (code: string) =>
    (await sql<{ state: string; department_id: number | null; region_code: string; assign_due_at: Date; accept_due_at: Date | null }[]>`
      select state, department_id, region_code, assign_due_at, accept_due_at from complaints where tracking_code = ${code}`)[0]!;

  it('files into the chosen region’s queue as 待派单, and the dispatch assigns the department', async () => {
    const { status, body } = await fileOnline({ ...noDepartment(), regionId: world.regions.county.code });
    expect(status).toBe(201);
    const row = await rowOf(body.trackingCode);
    expect(row).toMatchObject({ state: 'received', department_id: null, region_code: world.regions.county.code, accept_due_at: null });
    // the normal dispatch clock runs from receipt
    expect(row.assign_due_at).toBeInstanceOf(Date);

    const inQueue = (await queue(world.handler.cookie)).find((c) => c.trackingCode === body.trackingCode);
    expect(inQueue).toMatchObject({ state: 'received', departmentName: null });
    expect((await queue(world.farHandler.cookie)).find((c) => c.trackingCode === body.trackingCode)).toBeUndefined();
    const id = inQueue!.id;
    const detail = await json(getDetail(request(`/api/v1/complaints/${id}`, { cookie: world.handler.cookie }), { params: Promise.resolve({ id: String(id) }) }));
    expect(detail.body).toMatchObject({ state: 'received', departmentName: null, assignedAt: null });
    // the complaint page offers the handler the dispatch (the same decision the actions endpoint makes)
    const subject = { inScope: true, departmentId: detail.body.departmentId, assignedAt: detail.body.assignedAt, state: detail.body.state };
    expect(complaintActionsFor(world.handler.scope, subject)).toContain('assign');

    const assigned = await actOn(id, { action: 'assign', departmentId: world.otherDepartment.id }, world.handler.cookie);
    expect(assigned).toMatchObject({ status: 200, body: { state: 'assigned', departmentName: '测试县财政局' } });
    const after = await rowOf(body.trackingCode);
    expect(after).toMatchObject({ state: 'assigned', department_id: world.otherDepartment.id });
    // 签收 clock of the department's normal phases starts with the dispatch
    expect(after.accept_due_at).toBeInstanceOf(Date);
  });

  it('files without a region into the province’s queue; a handler registering one keeps it in their region', async () => {
    const before = await complaintCount();
    const publicFiled = await fileOnline(noDepartment());
    expect(publicFiled.status).toBe(201);
    const [region] = await sql<{ level: string }[]>`
      select r.level from complaints c join regions r on r.code = c.region_code where c.tracking_code = ${publicFiled.body.trackingCode}`;
    expect(region).toEqual({ level: 'province' });

    const registered = await json(
      file(request('/api/v1/complaints', { method: 'POST', cookie: world.provinceHandler.cookie, body: { ...noDepartment(), channel: 'phone' } })),
    );
    expect(registered.status).toBe(201);
    expect(await rowOf(registered.body.trackingCode)).toMatchObject({ state: 'received', department_id: null, region_code: world.regions.province.code });
    expect((await queue(world.provinceHandler.cookie)).map((c) => c.id)).toContain(registered.body.id);
    // a county desk does not see the province's queue
    expect((await queue(world.handler.cookie)).map((c) => c.id)).not.toContain(registered.body.id);
    expect(await complaintCount()).toBe(before + 2);

    // the province desk dispatches down to a county department; the county's department then holds it
    const assigned = await actOn(registered.body.id, { action: 'assign', departmentId: world.department.id }, world.provinceHandler.cookie);
    expect(assigned).toMatchObject({ status: 200, body: { state: 'assigned', departmentName: '测试县生态环境局' } });
    expect(await rowOf(registered.body.trackingCode)).toMatchObject({ region_code: world.regions.county.code, department_id: world.department.id });
    expect((await actOn(registered.body.id, { action: 'accept' }, world.cookies.dept)).body.state).toBe('accepted');
  });

  it('refuses a department of another region, at intake and at dispatch, and writes nothing', async () => {
    const registerAs = (cookie: string, body: Record<string, unknown>) =>
      json(file(request('/api/v1/complaints', { method: 'POST', cookie, body: { ...body, channel: 'phone' } })));
    const before = await complaintCount();
    const mismatch = await registerAs(world.provinceHandler.cookie, { ...validBody(), departmentId: world.farDepartment.id, regionId: world.regions.county.code });
    expect(mismatch).toMatchObject({ status: 400, body: { error: { fields: { departmentId: '所选部门不属于所选地区' } } } });
    const outside = await registerAs(world.handler.cookie, { ...noDepartment(), regionId: world.regions.otherCounty.code });
    expect(outside).toMatchObject({ status: 403, body: { error: { fields: { regionId: '该地区不在您的管辖范围内' } } } });
    expect(await complaintCount()).toBe(before);

    const { body } = await registerAs(world.provinceHandler.cookie, { ...noDepartment(), regionId: world.regions.county.code });
    const events = async () => (await sql`select count(*)::int as n from complaint_events where complaint_id = ${body.id}`)[0]!.n;
    const sideways = await actOn(body.id, { action: 'assign', departmentId: world.farDepartment.id }, world.provinceHandler.cookie);
    expect(sideways).toMatchObject({ status: 400, body: { error: { fields: { departmentId: '只能派单给投诉件所在区域（含下级区域）的部门' } } } });
    expect(await rowOf(body.trackingCode)).toMatchObject({ state: 'received', department_id: null, region_code: world.regions.county.code });
    expect(await events()).toBe(1);
  });
});

describe('GET /api/v1/complaints/track/:code', () => {
  it('shows state and public steps without personal data', async () => {
    const { body: filed } = await fileOnline(validBody());
    const { status, body } = await trackOf(filed.trackingCode, '5678');
    expect(status).toBe(200);
    expect(body).toMatchObject({ trackingCode: filed.trackingCode, state: 'received', canRate: false, events: [{ kind: 'received' }] });
    const text = JSON.stringify(body);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('5678');
  });

  it('a wrong phone4, an unknown code and a malformed one give the identical 404', async () => {
    const { body: filed } = await fileOnline(validBody());
    const wrongPhone = await trackOf(filed.trackingCode, '0000');
    const unknown = await trackOf('2345-6789-ABCD', '5678');
    const malformed = await trackOf('<script>', '5678');
    const noPhone = await json(track(request(`/api/v1/complaints/track/${filed.trackingCode}`), { params: Promise.resolve({ code: filed.trackingCode }) }));
    for (const answer of [wrongPhone, unknown, malformed, noPhone]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(unknown.body);
    }
    expect(unknown.body.error.message).toBe('未找到该投诉件，请核对查询码和手机号后4位');
  });

  it('a lookup flood gets 429', async () => {
    const address = newAddress();
    let last = 0;
    for (let i = 0; i < 61; i++) {
      last = (await track(request(`/api/v1/complaints/track/2345-6789-ABCD?phone4=1234`, { address }), { params: Promise.resolve({ code: '2345-6789-ABCD' }) })).status;
    }
    expect(last).toBe(429);
  });
});

describe('the lifecycle through the actions endpoint', () => {
  it('dispatch, sign-for, reply; the citizen rates 不满意 and the complaint reopens (重办)', async () => {
    const { body: filed } = await fileOnline(validBody());
    const id = await idOf(filed.trackingCode);

    // the department sees nothing before dispatch
    const early = await actOn(id, { action: 'accept' }, world.cookies.dept);
    expect(early.status).toBe(403);

    const assigned = await actOn(id, { action: 'assign', departmentId: world.department.id }, world.handler.cookie);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ state: 'assigned', departmentName: '测试县生态环境局', complainantName: '张三', phone: '13812345678' });

    expect((await actOn(id, { action: 'reply', reply: '已在政府网站公开。' }, world.cookies.dept)).status).toBe(409);
    const accepted = await actOn(id, { action: 'accept' }, world.cookies.dept);
    // the department reads the complaint with personal data masked
    expect(accepted.body).toMatchObject({ state: 'accepted', complainantName: '张*', phone: '138****5678' });
    const tooLong = await actOn(id, { action: 'extend', dueDate: '2027-03-01', note: '需要调查' }, world.handler.cookie);
    expect(tooLong).toMatchObject({ status: 422, body: { error: { fields: { dueDate: expect.stringContaining('延期一般不超过 10 个工作日') } } } });
    expect((await actOn(id, { action: 'remind' }, world.handler.cookie)).status).toBe(200);
    const replied = await actOn(id, { action: 'reply', reply: '该批复已于今日在政府网站公开。' }, world.cookies.dept);
    expect(replied.body.state).toBe('replied');

    const tracked = await trackOf(filed.trackingCode, '5678');
    expect(tracked.body).toMatchObject({ state: 'replied', reply: '该批复已于今日在政府网站公开。', canRate: true });
    // internal steps stay internal
    expect(tracked.body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'assigned', 'accepted', 'replied']);

    const wrong = await json(rate(request(`/api/v1/complaints/track/${filed.trackingCode}/rating`, { method: 'POST', body: { phone4: '1111', satisfaction: 'dissatisfied' } }), { params: Promise.resolve({ code: filed.trackingCode }) }));
    expect(wrong.status).toBe(404);
    const rated = await json(rate(request(`/api/v1/complaints/track/${filed.trackingCode}/rating`, { method: 'POST', body: { phone4: '5678', satisfaction: 'dissatisfied', comment: '只公开了一半' } }), { params: Promise.resolve({ code: filed.trackingCode }) }));
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ state: 'reopened', satisfaction: 'dissatisfied', canRate: false });

    const detail = await json(getDetail(request(`/api/v1/complaints/${id}`, { cookie: world.handler.cookie }), { params: Promise.resolve({ id: String(id) }) }));
    expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'received', 'assigned', 'accepted', 'reminded', 'replied', 'rated', 'reopened',
    ]);
    expect(detail.body).toMatchObject({ state: 'reopened', repliedAt: null, version: 5 });
    // staff steps show who by name, the citizen's as 群众
    const byKind = Object.fromEntries(detail.body.events.map((e: { kind: string; actor: string; actorName: string }) => [e.kind, e]));
    expect(byKind.received).toMatchObject({ actor: '群众', actorName: '群众' });
    expect(byKind.assigned).toMatchObject({ actor: world.handler.scope.username, actorName: '测试处理人' });
    // a new round: dispatch again
    expect((await actOn(id, { action: 'assign', departmentId: world.department.id }, world.handler.cookie)).body.state).toBe('assigned');
  });

  it('keeps handlers to their scope and other roles out', async () => {
    const { body: filed } = await fileOnline(validBody());
    const id = await idOf(filed.trackingCode);
    expect((await actOn(id, { action: 'assign', departmentId: world.department.id }, world.farHandler.cookie)).status).toBe(403);
    expect((await actOn(id, { action: 'assign', departmentId: world.department.id }, world.cookies.supervisor)).status).toBe(403);
    expect((await actOn(id, { action: 'assign', departmentId: world.farDepartment.id }, world.handler.cookie)).status).toBe(403);
    expect((await actOn(id, { action: 'fly' }, world.handler.cookie)).status).toBe(400);
  });

  it('lists in full for handlers and masked for supervisors; department users see only what was dispatched', async () => {
    const { body: filed } = await fileOnline({ ...validBody(), phone: '13900001111', name: '李四' });
    const page = async (cookie: string) =>
      (await json(list(request('/api/v1/complaints?state=all&limit=500', { cookie })))).body.data as { trackingCode: string; phone: string; complainantName: string }[];
    const byHandler = (await page(world.handler.cookie)).find((c) => c.trackingCode === filed.trackingCode);
    expect(byHandler).toMatchObject({ phone: '13900001111', complainantName: '李四' });
    const bySupervisor = (await page(world.cookies.supervisor)).find((c) => c.trackingCode === filed.trackingCode);
    expect(bySupervisor).toMatchObject({ phone: '139****1111', complainantName: '李*' });
    expect((await page(world.cookies.dept)).find((c) => c.trackingCode === filed.trackingCode)).toBeUndefined();
    expect((await page(world.farHandler.cookie)).find((c) => c.trackingCode === filed.trackingCode)).toBeUndefined();
  });

  it('a handler registers a phone complaint and gets its id', async () => {
    const { status, body } = await json(
      file(request('/api/v1/complaints', { method: 'POST', cookie: world.handler.cookie, body: { ...validBody(), channel: 'phone', catalogCode: world.entries.workingDays.code } })),
    );
    expect(status).toBe(201);
    expect(body).toEqual({ trackingCode: expect.stringMatching(TRACKING_CODE_PATTERN), id: expect.any(Number) });
    const [row] = await sql`select channel, created_by, catalog_entry_id from complaints where id = ${body.id}`;
    expect(row).toMatchObject({ channel: 'phone', catalog_entry_id: world.entries.workingDays.id });
    expect(row!.created_by).toMatch(/^handler-/);
  });
});
