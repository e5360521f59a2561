// 公开目录 management end to end (route handlers, real Postgres): a shortened time limit applies to what is
// formed afterwards while earlier obligations keep their version; both versions are listed; 不予公开 waits
// for a city-level approval; the Excel import checks the whole file first and re-importing changes nothing;
// every change leaves its audit row.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as ingest } from '../../app/api/v1/items/route';
import { POST as approval } from '../../app/api/v1/catalog/[id]/approval/route';
import { GET as versions, POST as revise } from '../../app/api/v1/catalog/[id]/versions/route';
import { GET as exportCatalog } from '../../app/api/v1/catalog/export/route';
import { POST as importCatalog } from '../../app/api/v1/catalog/import/route';
import { createSession } from '../auth/sessions';
import { uniqueUsername } from '../auth/test-fixtures';
import { sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { SHEET_HEADERS } from './catalog-sheet';
import { readCatalogWorkbook, writeCatalogWorkbook, XLSX_CONTENT_TYPE } from './catalog-workbook';

const ORIGIN = 'http://127.0.0.1:3000';
let world: IngestWorld;
let cityCookie: string;

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function post(handler: (request: Request, context: never) => Promise<Response>, path: string, cookie: string, body: unknown, id?: number) {
  const request = new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const response = await handler(request, (id === undefined ? undefined : params(id)) as never);
  return { status: response.status, body: await response.json() };
}

async function publishItem(externalId: string, catalogCode: string) {
  const response = await ingest(
    new Request(`${ORIGIN}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.apiKey}` },
      body: JSON.stringify({ externalId, catalogCode, title: `测试信息 ${externalId}`, formedAt: '2026-11-02T09:00:00+08:00', channels: ['website'] }),
    }),
  );
  expect(response.status).toBe(201);
  const [obligation] = await sql<{ catalog_entry_id: number; due_at: Date }[]>`
    select o.catalog_entry_id, o.due_at from obligations o join items i on i.id = o.item_id
    where i.external_id = ${externalId} and i.department_id = ${world.department.id}`;
  return obligation!;
}

/** The entry's current values as the edit form would send them back. */
async function formOf(id: number) {
  const [row] = await sql<{ code: string; name: string; domain: string; category: string; basis: string; content: string; required_elements: string[]; department_id: number; time_limit_text: string; channels: string[]; mode: string }[]>`
    select * from catalog_entries where id = ${id}`;
  return {
    code: row!.code,
    name: row!.name,
    domain: row!.domain,
    category: row!.category,
    basis: row!.basis,
    content: row!.content,
    requiredElements: row!.required_elements,
    departmentId: row!.department_id,
    timeLimitText: row!.time_limit_text,
    channels: row!.channels,
    mode: row!.mode,
  };
}

const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const [city] = await sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
    values (${uniqueUsername('city')}, '市政务公开办', 'x', 'supervisor', ${world.regions.city.code}, now(), now()) returning id`;
  cityCookie = `dw_session=${(await createSession(sql, city!)).token}`;
});

describe('catalog versions', () => {
  it('applies a shortened time limit to obligations formed afterwards; earlier ones keep their version; both versions listed', async () => {
    const entry = world.entries.workingDays;
    const before = await publishItem('v1-item', entry.code);
    expect(before).toEqual({ catalog_entry_id: entry.id, due_at: new Date(shanghaiMidnight('2026-12-01')) });

    const form = await formOf(entry.id);
    const saved = await post(revise, `/api/v1/catalog/${entry.id}/versions`, world.cookies.supervisor, { ...form, timeLimitText: '信息形成之日起10个工作日内' }, entry.id);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, version: 2, status: 'revised' });

    // formed the same day, after the change: 10 working days → due 2026-11-16
    const after = await publishItem('v2-item', entry.code);
    expect(after).toEqual({ catalog_entry_id: saved.body.id, due_at: new Date(shanghaiMidnight('2026-11-17')) });
    const [kept] = await sql<{ due_at: Date; catalog_entry_id: number }[]>`
      select o.due_at, o.catalog_entry_id from obligations o join items i on i.id = o.item_id where i.external_id = 'v1-item'`;
    expect(kept).toEqual({ catalog_entry_id: entry.id, due_at: new Date(shanghaiMidnight('2026-12-01')) });

    const listed = await versions(new Request(`${ORIGIN}/api/v1/catalog/${entry.id}/versions`, { headers: { cookie: world.cookies.supervisor } }), params(entry.id));
    const data = (await listed.json()).data as { version: number; isCurrent: boolean; timeLimit: { text: string; n: number }; obligations: number }[];
    expect(data.map((v) => [v.version, v.isCurrent, v.timeLimit.n, v.obligations])).toEqual([
      [2, true, 10, 1],
      [1, false, 20, 1],
    ]);

    // saving the same values again writes nothing
    const again = await post(revise, `/api/v1/catalog/${entry.id}/versions`, world.cookies.supervisor, { ...form, timeLimitText: '信息形成之日起10个工作日内' }, entry.id);
    expect(again.body).toMatchObject({ status: 'unchanged', version: 2 });

    const audit = await sql<{ action: string; before: { timeLimit: string }; after: { timeLimit: string } }[]>`
      select action, before, after from audit_log where entity = 'catalog_entry' and entity_id = ${String(saved.body.id)}`;
    expect(audit).toEqual([
      expect.objectContaining({ action: 'update', before: expect.objectContaining({ timeLimit: '信息形成或变更之日起20个工作日内' }), after: expect.objectContaining({ timeLimit: '信息形成之日起10个工作日内' }) }),
    ]);
  });

  it('holds a change to 不予公开 until a city-level office approves it', async () => {
    const entry = world.entries.monthly;
    const form = await formOf(entry.id);
    const noReason = await post(revise, `/api/v1/catalog/${entry.id}/versions`, world.cookies.supervisor, { ...form, mode: 'withheld' }, entry.id);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.withheldReason).toBe('不予公开的事项须写明理由');

    const proposed = await post(revise, `/api/v1/catalog/${entry.id}/versions`, world.cookies.supervisor, { ...form, mode: 'withheld', withheldReason: '涉及国家秘密' }, entry.id);
    expect(proposed.body).toMatchObject({ status: 'pending', version: 2 });
    const current = async () => (await sql<{ version: number; mode: string }[]>`
      select version, mode from catalog_entries where code = ${entry.code} and region_code = ${world.regions.county.code} and is_current`)[0];
    expect(await current()).toEqual({ version: 1, mode: 'proactive' });

    // the page offers 批准/驳回 exactly where the API will take them: not to the county office that proposed it
    const offered = async (cookie: string) => {
      const response = await versions(new Request(`${ORIGIN}/api/v1/catalog/${entry.id}/versions`, { headers: { cookie } }), params(entry.id) as never);
      const body = (await response.json()) as { data: { id: number; mayDecide: boolean }[] };
      return body.data.find((version) => version.id === proposed.body.id)?.mayDecide;
    };
    expect(await offered(world.cookies.supervisor)).toBe(false);
    expect(await offered(cityCookie)).toBe(true);

    // the county office that proposed it cannot decide it; the city office can
    expect((await post(approval, `/api/v1/catalog/${proposed.body.id}/approval`, world.cookies.supervisor, { approve: true }, proposed.body.id)).status).toBe(403);
    const approved = await post(approval, `/api/v1/catalog/${proposed.body.id}/approval`, cityCookie, { approve: true }, proposed.body.id);
    expect(approved.body).toMatchObject({ status: 'approved' });
    expect(await current()).toEqual({ version: 2, mode: 'withheld' });
    const actions = await sql<{ action: string }[]>`
      select action from audit_log where entity = 'catalog_entry' and entity_id = ${String(proposed.body.id)} order by id`;
    expect(actions.map((a) => a.action)).toEqual(['propose_withheld', 'approve']);
  });
});

describe('catalog import and export', () => {
  const row = (code: string, overrides: Partial<Record<string, string>> = {}) => {
    const values: Record<string, string> = {
      编码: code,
      事项名称: `导入事项 ${code}`,
      领域: '环境保护',
      类别: '环境保护 › 监测',
      公开依据: '《政府信息公开条例》第二十条',
      公开内容: '监测报告',
      必备要素: '索引号、正文、监测数据表',
      责任部门: '测试县生态环境局',
      公开时限: '每季度',
      公开渠道: '政府网站、政务微信',
      公开对象: '全社会',
      公开方式: '主动公开',
      不予公开理由: '',
      层级: '县级',
      ...overrides,
    };
    return SHEET_HEADERS.map((header) => values[header] ?? '');
  };

  async function upload(rows: string[][]) {
    const data = await writeCatalogWorkbook(rows);
    const response = await importCatalog(
      new Request(`${ORIGIN}/api/v1/catalog/import?regionId=${world.regions.county.code}`, {
        method: 'POST',
        headers: { cookie: world.cookies.supervisor, origin: ORIGIN, 'content-type': XLSX_CONTENT_TYPE },
        body: new Uint8Array(data),
      }),
    );
    return { status: response.status, body: await response.json() };
  }

  const countEntries = async () => (await sql<{ n: number }[]>`select count(*)::int as n from catalog_entries where region_code = ${world.regions.county.code}`)[0]!.n;

  it('reports every bad row and writes nothing; a good file imports once; its export reads back the same', async () => {
    const before = await countEntries();
    const bad = await upload([row('IMP-001'), row('IMP-002', { 公开渠道: '政府网站、抖音' }), row('IMP-003', { 责任部门: '不存在的局', 公开方式: '' })]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.rows).toEqual([
      { row: 3, column: '公开渠道', message: expect.stringMatching(/^公开渠道「抖音」无效/) },
      { row: 4, column: '责任部门', message: '责任部门「不存在的局」不在该区域的部门名录中' },
      { row: 4, column: '公开方式', message: '请填写公开方式' },
    ]);
    expect(await countEntries()).toBe(before);

    const good = [row('IMP-001'), row('IMP-002'), row('IMP-003', { 公开时限: '及时' })];
    expect((await upload(good)).body).toMatchObject({ ok: true, created: 3, revised: 0, unchanged: 0 });
    expect(await countEntries()).toBe(before + 3);
    expect((await upload(good)).body).toMatchObject({ ok: true, created: 0, revised: 0, unchanged: 3 });
    expect(await countEntries()).toBe(before + 3);

    const exported = await exportCatalog(
      new Request(`${ORIGIN}/api/v1/catalog/export?regionId=${world.regions.county.code}`, { headers: { cookie: world.cookies.supervisor } }),
    );
    expect(exported.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    const read = await readCatalogWorkbook(new Uint8Array(await exported.arrayBuffer()));
    if (!read.ok) throw new Error('export unreadable');
    const imported = read.rows.map((r) => r.cells).filter((cells) => cells[0]!.startsWith('IMP-'));
    expect(imported).toEqual(good);
  });
});
