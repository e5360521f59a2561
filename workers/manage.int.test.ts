// Managing rules and the calendar with real worker processes: a change previews its effect against live
// data, then the workers re-evaluate and the alerts it opens are pushed over socket.io; every change leaves
// an audit row the application's own database role cannot rewrite. Own database and Redis prefix, because
// the workers sweep every open obligation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import type { RecordingClient } from '../lib/testing/socket-harness';
import { waitUntil } from '../lib/testing/wait-until';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const ORIGIN = 'http://127.0.0.1';

let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let lib: {
  ingest: typeof import('../app/api/v1/items/route').POST;
  patchRule: typeof import('../app/api/v1/rules/[id]/route').PATCH;
  listRules: typeof import('../app/api/v1/rules/route').GET;
  createRule: typeof import('../app/api/v1/rules/route').POST;
  listAudit: typeof import('../app/api/v1/audit/route').GET;
  putCalendar: typeof import('../app/api/v1/calendar/[year]/route').PUT;
  putCalendarDay: typeof import('../app/api/v1/calendar/days/[date]/route').PUT;
  createApiKey: typeof import('../lib/auth/api-keys').createApiKey;
  createSession: typeof import('../lib/auth/sessions').createSession;
};
const keys: { jianye: string; binhu: string } = { jianye: '', binhu: '' };
const cookies = { admin: '', jianye: '', province: '' };

const cookieOf = (token: string) => `dw_session=${token}`;

async function ingest(key: string, orgCode: string, name: string, entryCode: string, externalId: string, extra: Record<string, unknown> = {}) {
  const response = await lib.ingest(
    new Request(`${ORIGIN}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        externalId,
        catalogCode: entryCode,
        title: `建设项目环评批复 ${externalId}`,
        formedAt: '2026-11-02T09:00:00+08:00',
        channels: ['website', 'open_platform'],
        indexNo: `${orgCode}/2026-00017`,
        publisher: name,
        summary: '批复某建设项目环境影响报告书。',
        body: '经审查，同意该项目建设。',
        url: 'https://www.example.gov.cn/hbj/2026/11/17.html',
        ...extra,
      }),
    }),
  );
  expect(response.status).toBe(201);
}

async function patchRule(id: number, body: unknown, cookie: string, dryRun = false) {
  const response = await lib.patchRule(
    new Request(`${ORIGIN}/api/v1/rules/${id}${dryRun ? '?dryRun=1' : ''}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: ORIGIN, host: '127.0.0.1' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: await response.json() };
}

async function user(username: string, role: string, regionCode: string): Promise<string> {
  const [row] = await harness.sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
    values (${username}, ${username}, 'not-a-login-account', ${role}, ${regionCode}, now(), now())
    on conflict (username) do update set role = excluded.role
    returning id`;
  return (await lib.createSession(harness.sql, { id: row!.id })).token;
}

beforeAll(async () => {
  harness = await openWorkerProcessHarness('manage');
  const [items, rule, rules, audit, calendar, calendarDay, apiKeys, sessions] = await Promise.all([
    import('../app/api/v1/items/route'),
    import('../app/api/v1/rules/[id]/route'),
    import('../app/api/v1/rules/route'),
    import('../app/api/v1/audit/route'),
    import('../app/api/v1/calendar/[year]/route'),
    import('../app/api/v1/calendar/days/[date]/route'),
    import('../lib/auth/api-keys'),
    import('../lib/auth/sessions'),
  ]);
  lib = {
    ingest: items.POST,
    patchRule: rule.PATCH,
    listRules: rules.GET,
    createRule: rules.POST,
    listAudit: audit.GET,
    putCalendar: calendar.PUT,
    putCalendarDay: calendarDay.PUT,
    createApiKey: apiKeys.createApiKey,
    createSession: sessions.createSession,
  };
  // 2026-11-24: with 3 warning days an obligation due 11-30 is not yet yellow (from 11-26); with 5 it is (from 11-24)
  await harness.moveClock(shanghai('2026-11-24T10:00:00'));
  fixture = await harness.createFixture();
  keys.jianye = (await lib.createApiKey(harness.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  keys.binhu = (await lib.createApiKey(harness.sql, { departmentId: fixture.binhu.departmentId, createdBy: 'test' })).key;
  cookies.admin = cookieOf(await user('admin-t', 'admin', '320000'));
  cookies.jianye = cookieOf(fixture.tokens.jianye);
  cookies.province = cookieOf(fixture.tokens.province);
  await harness.startWorkers();
  await harness.startSocketServer();
}, 90_000);

afterAll(() => harness?.close(), 60_000);

describe('rule management', () => {
  it('previews widening the warn window 3 → 5 working days, then opens exactly those yellow alerts, pushed live', async () => {
    const { jianye, binhu } = fixture;
    await ingest(keys.jianye, jianye.orgCode, jianye.name, jianye.entryCode, 'due-1130');
    await ingest(keys.jianye, jianye.orgCode, jianye.name, jianye.entryCode, 'published', { publishedAt: '2026-11-20T09:00:00+08:00' });
    await ingest(keys.jianye, jianye.orgCode, jianye.name, jianye.entryCode, 'due-1208', { formedAt: '2026-11-10T09:00:00+08:00' });
    await ingest(keys.binhu, binhu.orgCode, binhu.name, binhu.entryCode, 'binhu-due-1130');
    // the check jobs ran: three open obligations, none yellow yet
    await expect
      .poll(async () => (await harness.sql<{ n: number }[]>`select count(*)::int as n from obligations where state = 'open'`)[0]!.n, { timeout: 10_000 })
      .toBe(3);
    const [rule] = await harness.sql<{ id: number; version: number }[]>`
      select id, version from rules where kind = 'deadline' and scope_domain is null`;

    const list = await lib.listRules(new Request(`${ORIGIN}/api/v1/rules`, { headers: { cookie: cookies.jianye } }));
    const listed = (await list.json()).data.find((r: { id: number }) => r.id === rule!.id);
    expect(listed).toMatchObject({ kind: 'deadline', params: { warnWorkingDays: 3, severeWorkingDays: 10 }, canEdit: false });

    // a county supervisor may not change the province's rule
    expect((await patchRule(rule!.id, { params: { warnWorkingDays: 5 } }, cookies.jianye)).status).toBe(403);
    // bad params are refused with a zh-CN message naming the field
    const bad = await patchRule(rule!.id, { params: { warnWorkingDays: 99 } }, cookies.province, true);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields['params.warnWorkingDays']).toMatch(/工作日/);

    const preview = await patchRule(rule!.id, { params: { warnWorkingDays: 5 } }, cookies.province, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ wouldOpen: 2, wouldResolve: 0 });
    expect(preview.body.departments.map((d: { departmentName: string }) => d.departmentName).sort()).toEqual(
      [binhu.name, jianye.name].sort(),
    );
    // the preview changed nothing
    const [unchanged] = await harness.sql<{ version: number }[]>`select version from rules where id = ${rule!.id}`;
    expect(unchanged!.version).toBe(rule!.version);
    expect((await harness.sql`select 1 from alerts where rule_kind = 'deadline'`).length).toBe(0);

    const [county, province] = await Promise.all([harness.connect(fixture.tokens.jianye), harness.connect(fixture.tokens.province)]);
    const saved = await patchRule(rule!.id, { params: { warnWorkingDays: 5 } }, cookies.province);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: rule!.version + 1, params: { warnWorkingDays: 5, severeWorkingDays: 10 } });

    const opened = (client: RecordingClient) => client.received.filter((r) => r.event === 'alert:opened' && r.alert.rule.kind === 'deadline');
    await waitUntil(() => opened(province).length === 2 && opened(county).length === 1, 'two yellow alerts pushed', 10_000);
    expect(opened(province).every((r) => r.alert.level === 'yellow')).toBe(true);
    expect(opened(county)[0]!.alert.departmentId).toBe(jianye.departmentId);
    const [obligation] = await harness.sql<{ warn_at: Date }[]>`
      select o.warn_at from obligations o join items i on i.id = o.item_id where i.external_id = 'due-1130'`;
    expect(obligation!.warn_at.toISOString()).toBe(shanghai('2026-11-24T00:00:00').toISOString());

    // version history and the audit trail
    const versions = await harness.sql<{ version: number; changed_by: string }[]>`
      select version, changed_by from rule_versions where rule_id = ${rule!.id} order by version`;
    expect(versions).toEqual([
      { version: rule!.version, changed_by: 'system' },
      { version: rule!.version + 1, changed_by: 'sup-js' },
    ]);
    const audit = await lib.listAudit(new Request(`${ORIGIN}/api/v1/audit?entity=rule`, { headers: { cookie: cookies.admin } }));
    const rows = (await audit.json()).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'sup-js',
      entity: 'rule',
      entityId: String(rule!.id),
      action: 'update',
      before: { params: { warnWorkingDays: 3 } },
      after: { params: { warnWorkingDays: 5 } },
    });
    // only admins read the trail
    expect((await lib.listAudit(new Request(`${ORIGIN}/api/v1/audit`, { headers: { cookie: cookies.province } }))).status).toBe(403);
  });
});

async function createRule(body: unknown, cookie: string, dryRun = false) {
  const response = await lib.createRule(
    new Request(`${ORIGIN}/api/v1/rules${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: ORIGIN, host: '127.0.0.1' },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

describe('a rule for one county', () => {
  it('previews and then opens the alerts of that county only, pushed live; a county office cannot set another county’s rules', async () => {
    const { binhu } = fixture;
    // due 2026-12-08: yellow from 11-23 with 12 warning days, not yet with the province's 5
    await ingest(keys.binhu, binhu.orgCode, binhu.name, binhu.entryCode, 'binhu-due-1208', { formedAt: '2026-11-10T09:00:00+08:00' });
    await expect
      .poll(async () => (await harness.sql<{ n: number }[]>`select count(*)::int as n from obligations where state = 'open'`)[0]!.n, { timeout: 10_000 })
      .toBe(4);
    const rule = { kind: 'deadline', name: '滨湖区公开时限预警', scopeRegionCode: '320211', params: { warnWorkingDays: 12, severeWorkingDays: 10 }, level: 'yellow' };

    expect((await createRule(rule, cookies.jianye, true)).status).toBe(403);
    const preview = await createRule(rule, cookies.province, true);
    expect(preview.body).toMatchObject({ wouldOpen: 1, wouldResolve: 0, departments: [{ departmentName: binhu.name, wouldOpen: 1 }] });
    expect((await harness.sql`select 1 from rules where scope_region_code = '320211'`).length).toBe(0);

    const province = await harness.connect(fixture.tokens.province);
    const created = await createRule(rule, cookies.province);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'deadline', version: 1, scope: { regionId: '320211' }, params: { warnWorkingDays: 12 } });
    await waitUntil(
      () => province.received.some((r) => r.event === 'alert:opened' && r.alert.departmentId === binhu.departmentId && r.alert.level === 'yellow'),
      'the county’s new yellow alert',
      10_000,
    );
    expect(province.received.filter((r) => r.event === 'alert:opened')).toHaveLength(1);
    expect((await createRule(rule, cookies.province)).status).toBe(409);
    const [audit] = await harness.sql<{ actor: string; action: string }[]>`
      select actor, action from audit_log where entity = 'rule' and entity_id = ${String(created.body.id)}`;
    expect(audit).toEqual({ actor: 'sup-js', action: 'create' });
  });
});

async function putCalendar(year: string, body: unknown, cookie: string) {
  const response = await lib.putCalendar(
    new Request(`${ORIGIN}/api/v1/calendar/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, origin: ORIGIN, host: '127.0.0.1' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ year }) },
  );
  return { status: response.status, body: await response.json() };
}

async function putCalendarDay(date: string, body: unknown, cookie: string) {
  const response = await lib.putCalendarDay(
    new Request(`${ORIGIN}/api/v1/calendar/days/${date}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, origin: ORIGIN, host: '127.0.0.1' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ date }) },
  );
  return { status: response.status, body: await response.json() };
}

describe('calendar management', () => {
  it('loading 2027 turns a provisional deadline final and moves its due day, and the alert follows, pushed live', async () => {
    const { jianye } = fixture;
    const at = shanghai('2027-01-12T10:00:00');
    await harness.moveClock(at);
    // sessions made in November have expired on this clock
    cookies.admin = cookieOf(await user('admin-t', 'admin', '320000'));
    const [supervisor] = await harness.sql<{ id: number }[]>`select id from users where username = 'sup-jy'`;
    const countyToken = (await lib.createSession(harness.sql, supervisor!)).token;
    const county = await harness.connect(countyToken);

    // formed Monday 2026-12-21, 20 working days: on weekends alone (2027 not loaded) due Monday 2027-01-18,
    // and with the deadline rule's 5 warning days (the rule test above) yellow from 01-12
    await ingest(keys.jianye, jianye.orgCode, jianye.name, jianye.entryCode, 'into-2027', { formedAt: '2026-12-21T09:00:00+08:00' });
    const obligationOf = async () =>
      (
        await harness.sql<{ id: number; due_at: Date; is_provisional: boolean; level: string }[]>`
          select o.id, o.due_at, o.is_provisional, o.level from obligations o join items i on i.id = o.item_id
          where i.external_id = 'into-2027'`
      )[0]!;
    const before = await obligationOf();
    expect(before.is_provisional).toBe(true);
    expect(before.due_at.toISOString()).toBe(shanghai('2027-01-19T00:00:00').toISOString());
    const forThis = () => county.received.filter((r) => r.alert.subject.type === 'obligation' && r.alert.subject.id === before.id);
    await waitUntil(() => forThis().some((r) => r.event === 'alert:opened' && r.alert.level === 'yellow'), 'yellow while provisional', 10_000);

    // refused: a day of another year (nothing written), and anyone but the admin
    const outside = await putCalendar('2027', { holidays: ['2027-01-01', '2026-12-31'], workdays: [] }, cookies.admin);
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields['holidays.1']).toBe('2026-12-31 不在 2027 年内');
    expect((await harness.sql`select 1 from calendar_years where year = 2027`).length).toBe(0);
    expect((await putCalendar('2027', { holidays: ['2027-01-01'], workdays: [] }, cookieOf(countyToken))).status).toBe(403);

    // 元旦 2027-01-01 (a Friday) is a day off: the 20th working day moves to Tuesday 01-19, yellow from 01-13
    const loaded = await putCalendar('2027', { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: '国务院办公厅通知' }, cookies.admin);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, loaded: { loadedBy: 'admin-t', source: '国务院办公厅通知' } });
    expect(loaded.body.moved).toBeGreaterThanOrEqual(1);
    const after = await obligationOf();
    expect(after).toMatchObject({ is_provisional: false, level: 'none' });
    expect(after.due_at.toISOString()).toBe(shanghai('2027-01-20T00:00:00').toISOString());
    await waitUntil(() => forThis().some((r) => r.event === 'alert:updated' && r.alert.state === 'resolved'), 'alert resolved live', 10_000);

    const audit = await lib.listAudit(new Request(`${ORIGIN}/api/v1/audit?entity=calendar`, { headers: { cookie: cookies.admin } }));
    const rows = (await audit.json()).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'admin-t', entityId: '2027', action: 'load', before: null, after: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'] } });
  });

  it('correcting one day moves the deadline counted over it and back, audited; bad days and other roles are refused', async () => {
    const dueOf = async () =>
      (
        await harness.sql<{ due_at: Date; is_provisional: boolean }[]>`
          select o.due_at, o.is_provisional from obligations o join items i on i.id = o.item_id where i.external_id = 'into-2027'`
      )[0]!;
    // loaded above: formed 2026-12-21, the 20th working day is Tuesday 2027-01-19
    expect((await dueOf()).due_at.toISOString()).toBe(shanghai('2027-01-20T00:00:00').toISOString());

    const [supervisor] = await harness.sql<{ id: number }[]>`select id from users where username = 'sup-jy'`;
    const county = cookieOf((await lib.createSession(harness.sql, supervisor!)).token);
    expect((await putCalendarDay('2027-01-15', { kind: 'holiday' }, county)).status).toBe(403);
    const weekday = await putCalendarDay('2027-01-14', { kind: 'workday' }, cookies.admin);
    expect(weekday.status).toBe(400);
    expect(weekday.body.error.message).toBe('2027-01-14 是工作日，只有周末可以设为调休上班');
    const unloaded = await putCalendarDay('2028-01-03', { kind: 'holiday' }, cookies.admin);
    expect(unloaded.status).toBe(409);
    expect(unloaded.body.error.message).toBe('2028 年的节假日安排尚未载入，请先载入全年安排再修改单日');
    expect((await putCalendarDay('2027-02-30', { kind: 'holiday' }, cookies.admin)).status).toBe(400);
    expect((await putCalendarDay('2027-01-15', { kind: 'day-off' }, cookies.admin)).status).toBe(400);

    // Friday 2027-01-15 made a day off: the 20th working day moves to Wednesday 01-20
    const marked = await putCalendarDay('2027-01-15', { kind: 'holiday', name: '临时调整' }, cookies.admin);
    expect(marked.status).toBe(200);
    expect(marked.body.holidays).toContainEqual({ day: '2027-01-15', name: '临时调整' });
    expect(marked.body.moved).toBeGreaterThanOrEqual(1);
    expect(await dueOf()).toEqual({ due_at: shanghai('2027-01-21T00:00:00'), is_provisional: false });
    // the same again changes nothing; back to 普通 moves it back, the year's other days kept
    expect((await putCalendarDay('2027-01-15', { kind: 'holiday', name: '临时调整' }, cookies.admin)).body.moved).toBe(0);
    const normal = await putCalendarDay('2027-01-15', { kind: 'normal' }, cookies.admin);
    expect(normal.body.holidays.map((d: { day: string }) => d.day)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect((await dueOf()).due_at.toISOString()).toBe(shanghai('2027-01-20T00:00:00').toISOString());

    const audit = await lib.listAudit(new Request(`${ORIGIN}/api/v1/audit?entity=calendar`, { headers: { cookie: cookies.admin } }));
    const days = (await audit.json()).data.filter((row: { action: string }) => row.action === 'set_day');
    expect(days).toEqual([
      expect.objectContaining({ actor: 'admin-t', entityId: '2027-01-15', before: expect.objectContaining({ kind: 'holiday' }), after: expect.objectContaining({ kind: 'normal' }) }),
      expect.objectContaining({ actor: 'admin-t', entityId: '2027-01-15', before: expect.objectContaining({ kind: 'normal' }), after: expect.objectContaining({ kind: 'holiday', name: '临时调整' }) }),
    ]);
  });
});

describe('audit trail', () => {
  it('refuses UPDATE and DELETE of the rows the changes wrote, through the application role', async () => {
    // lib/db/migrate.int.test.ts covers the grants on an empty table; here the rows are real changes
    expect((await harness.sql`select 1 from audit_log`).length).toBeGreaterThan(0);
    await expect(harness.sql`update audit_log set actor = 'someone else'`).rejects.toThrow(/permission denied/);
    await expect(harness.sql`delete from audit_log`).rejects.toThrow(/permission denied/);
  });
});
