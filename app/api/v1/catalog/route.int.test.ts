// GET /api/v1/catalog and GET /api/v1/catalog/:id end to end (without HTTP): the contract's entry shape,
// the domain / search / department / region filters, cursor paging, scope (403 for another unit's department or
// entry, absent from lists), and zh-CN 400s for bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../lib/db/sql';
import { createEntry, createIngestWorld, ENTRY_LIMITS, type IngestWorld } from '../../../../lib/items/test-fixtures';
import { GET as getEntry } from './[id]/route';
import { GET } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: IngestWorld;
let budgetEntry: { id: number; code: string };
let retiredEntry: { id: number; code: string };

beforeAll(async () => {
  world = await createIngestWorld(sql);
  // one entry of another domain, searchable by its own words, and one retired entry that no list shows
  budgetEntry = await createEntry(sql, {
    regionCode: world.regions.county.code,
    departmentId: world.department.id,
    timeLimit: ENTRY_LIMITS.workingDays,
    code: `CZYJ-${world.regions.county.code}`,
    name: '部门预算（100%公开）',
  });
  await sql`update catalog_entries set domain = 'budgets', basis = '《中华人民共和国预算法》第十四条' where id = ${budgetEntry.id}`;
  retiredEntry = await createEntry(sql, {
    regionCode: world.regions.county.code,
    departmentId: world.department.id,
    timeLimit: ENTRY_LIMITS.workingDays,
    name: '已废止的事项',
  });
  await sql`update catalog_entries set retired_at = ${new Date()} where id = ${retiredEntry.id}`;
});

interface ApiEntry {
  id: number;
  code: string;
  name: string;
  domain: string;
  departmentId: number;
  regionId: string;
  timeLimit: { text: string; kind: string };
  channels: string[];
  requiredElements: string[];
  mode: string;
}

function list(query: string, cookie: string | null): Promise<Response> {
  return GET(new Request(`${ORIGIN}/api/v1/catalog${query}`, { headers: cookie ? { cookie } : {} }));
}

async function listData(query: string, cookie: string): Promise<ApiEntry[]> {
  const response = await list(query, cookie);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: ApiEntry[] }).data;
}

function entry(id: string | number, cookie: string | null): Promise<Response> {
  return getEntry(new Request(`${ORIGIN}/api/v1/catalog/${id}`, { headers: cookie ? { cookie } : {} }), {
    params: Promise.resolve({ id: String(id) }),
  });
}

const countyEntryIds = () => [...Object.values(world.entries).map((e) => e.id), world.otherEntry.id, budgetEntry.id];

describe('GET /api/v1/catalog', () => {
  it('lists the current entries of the user’s scope in the contract’s shape, ordered by code', async () => {
    const data = await listData('', world.cookies.supervisor);
    expect(data.map((e) => e.id).sort((a, b) => a - b)).toEqual(countyEntryIds().sort((a, b) => a - b));
    const codes = data.map((e) => e.code);
    expect(codes).toEqual([...codes].sort());
    const working = data.find((e) => e.id === world.entries.workingDays.id)!;
    expect(working).toMatchObject({
      code: world.entries.workingDays.code,
      domain: 'environment',
      departmentId: world.department.id,
      regionId: world.regions.county.code,
      timeLimit: { kind: 'working_days_after', n: 20, text: '信息形成或变更之日起20个工作日内' },
      channels: ['website', 'open_platform'],
      requiredElements: ['indexNo', 'body'],
      mode: 'proactive',
    });
    expect(data.some((e) => e.id === retiredEntry.id)).toBe(false);
  });

  it('filters by domain, by department and by a search of name, code and basis', async () => {
    const cookie = world.cookies.supervisor;
    expect((await listData('?domain=budgets', cookie)).map((e) => e.id)).toEqual([budgetEntry.id]);
    expect((await listData('?domain=work_safety', cookie)).map((e) => e.id)).toEqual([]);

    const own = await listData(`?departmentId=${world.otherDepartment.id}`, cookie);
    expect(own.map((e) => e.id)).toEqual([world.otherEntry.id]);

    expect((await listData(`?q=${encodeURIComponent('财政预算执行')}`, cookie)).map((e) => e.id)).toEqual([world.otherEntry.id]);
    expect((await listData(`?q=${encodeURIComponent(budgetEntry.code.toLowerCase())}`, cookie)).map((e) => e.id)).toEqual([
      budgetEntry.id,
    ]);
    expect((await listData(`?q=${encodeURIComponent('预算法》第十四条')}`, cookie)).map((e) => e.id)).toEqual([budgetEntry.id]);
    // LIKE wildcards are searched as characters
    expect((await listData(`?q=${encodeURIComponent('100%')}`, cookie)).map((e) => e.id)).toEqual([budgetEntry.id]);
    expect(await listData(`?q=${encodeURIComponent('%')}`, cookie)).toHaveLength(1);
    expect(await listData(`?q=${encodeURIComponent('_')}`, cookie)).toHaveLength(0);
    // filters combine
    expect(await listData(`?q=${encodeURIComponent('财政预算执行')}&domain=budgets`, cookie)).toHaveLength(0);
  });

  it('filters a province user’s catalog by region: a county, or a city with the counties below it', async () => {
    const cookie = world.cookies.provinceSupervisor;
    const county = await listData(`?regionId=${world.regions.county.code}&limit=500`, cookie);
    expect(county.map((e) => e.id).sort((a, b) => a - b)).toEqual(countyEntryIds().sort((a, b) => a - b));
    const other = await listData(`?regionId=${world.regions.otherCounty.code}&limit=500`, cookie);
    expect(other.map((e) => e.code)).toEqual([world.farEntryCode]);
    const city = await listData(`?regionId=${world.regions.city.code}&limit=500`, cookie);
    expect(city).toHaveLength(county.length + other.length);
    // combined with the other filters, and refused beyond the scope or for no such region
    expect((await listData(`?regionId=${world.regions.otherCounty.code}&domain=budgets`, cookie)).map((e) => e.id)).toEqual([]);
    expect((await list(`?regionId=${world.regions.otherCounty.code}`, world.cookies.supervisor)).status).toBe(403);
    expect((await list('?regionId=100000', cookie)).status).toBe(404);
  });

  it('pages with a cursor through exactly the whole list', async () => {
    const cookie = world.cookies.supervisor;
    const all = await listData('', cookie);
    const seen: ApiEntry[] = [];
    let query = '?limit=3';
    for (let i = 0; i < 10; i++) {
      const page = (await (await list(query, cookie)).json()) as { data: ApiEntry[]; next: string | null };
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data);
      if (!page.next) break;
      query = `?limit=3&cursor=${page.next}`;
    }
    expect(seen).toEqual(all);
  });

  it('keeps to the scope: another unit’s entries are absent and its department is 403', async () => {
    const far = await listData('', world.cookies.farSupervisor);
    expect(far.every((e) => e.regionId === world.regions.otherCounty.code)).toBe(true);
    expect(far.map((e) => e.code)).toEqual([world.farEntryCode]);

    const nearFromFar = await list(`?departmentId=${world.department.id}`, world.cookies.farSupervisor);
    expect(nearFromFar.status).toBe(403);
    expect((await nearFromFar.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/管辖范围/) });
    expect((await list('?departmentId=999999999', world.cookies.supervisor)).status).toBe(404);

    // a department user sees their own department's entries only
    const dept = await listData('', world.cookies.dept);
    expect(dept.every((e) => e.departmentId === world.department.id)).toBe(true);
    expect(dept.some((e) => e.id === world.otherEntry.id)).toBe(false);
    expect((await list(`?departmentId=${world.otherDepartment.id}`, world.cookies.dept)).status).toBe(403);

    // the province sees both counties
    const province = await listData(`?q=${encodeURIComponent('测试事项')}&limit=500`, world.cookies.provinceSupervisor);
    const regions = new Set(province.map((e) => e.regionId));
    expect(regions.has(world.regions.county.code) && regions.has(world.regions.otherCounty.code)).toBe(true);

    expect((await list('', null)).status).toBe(401);
  });

  it.each([
    ['?domain=space', 'domain'],
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?departmentId=abc', 'departmentId'],
    ['?departmentId=0', 'departmentId'],
    ['?regionId=32', 'regionId'],
    [`?q=${'长'.repeat(101)}`, 'q'],
    ['?cursor=not-a-cursor', 'cursor'],
  ])('refuses %s with a zh-CN 400 naming the field', async (query, field) => {
    const response = await list(query, world.cookies.supervisor);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.fields[field]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('GET /api/v1/catalog/:id', () => {
  it('gives the entry with its requirements and obligation counts', async () => {
    const response = await entry(world.entries.workingDays.id, world.cookies.supervisor);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      id: world.entries.workingDays.id,
      basis: '《政府信息公开条例》第二十条',
      content: '测试内容',
      audience: 'public',
      mode: 'proactive',
      departmentName: '测试县生态环境局',
      obligations: { counts: { open: expect.any(Number), overdue: expect.any(Number) }, open: expect.any(Array) },
    });
  });

  it('is 403 beyond the scope without naming the entry, 404 for none', async () => {
    const outside = await entry(world.entries.workingDays.id, world.cookies.farSupervisor);
    expect(outside.status).toBe(403);
    const text = await outside.text();
    expect(text).not.toContain(world.entries.workingDays.code);
    expect((await entry(world.otherEntry.id, world.cookies.dept)).status).toBe(403);
    for (const id of [999_999_999, 'abc', '0']) expect((await entry(id, world.cookies.supervisor)).status).toBe(404);
    expect((await entry(world.entries.workingDays.id, null)).status).toBe(401);
  });
});
