// GET /api/v1/items/:id/timeline end to end (without HTTP): 完整还原 of one item, oldest first, in pages,
// for users whose scope covers it.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert, clearAlert } from '../../../../../../lib/alerts/apply-findings';
import { scopeOf } from '../../../../../../lib/auth/scope';
import { sql } from '../../../../../../lib/db/sql';
import { checkItems } from '../../../../../../lib/items/check-item';
import { ingestItem } from '../../../../../../lib/items/ingest-item';
import { invalidateRules } from '../../../../../../lib/rules/store/queries';
import { createIngestWorld, type IngestWorld } from '../../../../../../lib/items/test-fixtures';
import { getItemTimeline } from '../../../../../../lib/items/timeline';
import { GET } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: IngestWorld;
let itemId: number;

const at = (iso: string) => new Date(iso);

async function ingest(body: Record<string, unknown>, receivedAt: Date) {
  const result = await ingestItem(sql, { department: world.department, payload: body, receivedAt, actor: 'apikey:dwk_timeline' });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const body = {
    externalId: `tl-${randomBytes(4).toString('hex')}`,
    catalogCode: world.entries.workingDays.code,
    title: '关于某建设项目环境影响报告书的批复',
    formedAt: '2026-11-02T10:00:00+08:00',
    channels: ['website'],
  };
  itemId = await ingest(body, at('2026-11-02T11:00:00+08:00'));
  await ingest({ ...body, publishedAt: '2026-12-02T10:00:00+08:00' }, at('2026-12-02T10:02:00+08:00'));

  // the deadline alert of its obligation, as the sweep and the check job would have recorded it
  const [obligation] = await sql<{ id: number }[]>`select id from obligations where item_id = ${itemId}`;
  const [rule] = await sql<{ id: number }[]>`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('deadline', '时限（测试）', ${world.regions.province.code}, '{}', 'yellow', ${new Date()}, ${new Date()})
    returning id`;
  const finding = (level: 'yellow' | 'orange') => ({
    ruleKind: 'deadline' as const,
    subjectType: 'obligation' as const,
    subjectId: obligation!.id,
    ruleId: rule!.id,
    level,
    subjectVersion: 1,
    itemId,
    obligationId: obligation!.id,
    departmentId: world.department.id,
    regionCode: world.regions.county.code,
    message: level === 'yellow' ? '临期' : '超期',
  });
  await sql.begin((tx) => raiseAlert(tx, finding('yellow'), at('2026-11-26T00:00:00+08:00')));
  await sql.begin((tx) => raiseAlert(tx, finding('orange'), at('2026-12-01T00:00:00+08:00')));
  await sql.begin((tx) =>
    clearAlert(tx, { ruleKind: 'deadline', subjectType: 'obligation', subjectId: obligation!.id }, at('2026-12-02T10:05:00+08:00'), '已公开'),
  );
  // the check of the published version, under a channel rule of this province (no completeness rule governs it)
  await sql`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('channel', '发布渠道（测试）', ${world.regions.province.code}, '{}', 'yellow', ${new Date()}, ${new Date()})`;
  invalidateRules();
  await checkItems([itemId], { at: at('2026-12-02T10:03:00+08:00') });
});

const byKindOf = (data: { kind: string }[]): Record<string, Record<string, unknown> & { diff?: unknown }> =>
  Object.fromEntries(data.map((entry) => [entry.kind, entry]));

function get(id: string | number, cookie: string | null, query = ''): Promise<Response> {
  return GET(new Request(`${ORIGIN}/api/v1/items/${id}/timeline${query}`, { headers: cookie ? { cookie } : {} }), {
    params: Promise.resolve({ id: String(id) }),
  });
}

describe('GET /api/v1/items/:id/timeline', () => {
  it('replays the item’s events, its obligation and its alerts, oldest first', async () => {
    const response = await get(itemId, world.cookies.supervisor);
    expect(response.status).toBe(200);
    const { data, next } = await response.json();
    expect(next).toBeNull();
    expect(data.map((entry: { at: string; kind: string }) => [entry.at, entry.kind])).toEqual([
      ['2026-11-02T02:00:00.000Z', 'formed'],
      ['2026-11-02T03:00:00.000Z', 'obligation_opened'],
      ['2026-11-25T16:00:00.000Z', 'obligation_warned'],
      ['2026-11-25T16:00:00.000Z', 'alert_opened'],
      ['2026-11-30T16:00:00.000Z', 'obligation_overdue'],
      ['2026-11-30T16:00:00.000Z', 'alert_level_changed'],
      ['2026-12-02T02:00:00.000Z', 'published'],
      ['2026-12-02T02:00:00.000Z', 'obligation_fulfilled'],
      ['2026-12-02T02:02:00.000Z', 'updated'],
      ['2026-12-02T02:03:00.000Z', 'checked'],
      ['2026-12-02T02:03:00.000Z', 'alert_opened'],
      ['2026-12-02T02:05:00.000Z', 'alert_resolved'],
    ]);
    // every check names the rules and versions that judged the item's version, and what they found
    expect(byKindOf(data).checked).toMatchObject({
      source: 'check',
      itemVersion: 2,
      note: '检查第 2 版：要素完整性：无适用规则；公开渠道（「发布渠道（测试）」第 1 版）：未在以下渠道发布：政府信息公开平台',
    });
    const byKind = byKindOf(data);
    expect(byKind.formed).toMatchObject({ source: 'item', actor: 'apikey:dwk_timeline', actorName: '接口（密钥 dwk_timeline）' });
    expect(byKind.updated?.diff).toEqual({ publishedAt: { before: null, after: '2026-12-02T02:00:00.000Z' } });
    expect(byKind.obligation_opened).toMatchObject({
      source: 'obligation',
      actor: 'system',
      actorName: '系统',
      dueAt: '2026-11-30T16:00:00.000Z',
      note: '公开义务生成：应于 2026-11-30 前公开',
    });
    expect(byKind.obligation_fulfilled).toMatchObject({ isLate: true, note: '逾期公开，义务已履行（应于 2026-11-30 前公开）' });
    expect(byKind.alert_level_changed).toMatchObject({ source: 'alert', ruleKind: 'deadline', fromLevel: 'yellow', toLevel: 'orange' });
    expect(new Set(data.map((entry: { id: string }) => entry.id)).size).toBe(data.length);
  });

  it('pages through the merged list with a cursor', async () => {
    const all = (await (await get(itemId, world.cookies.supervisor)).json()).data;
    const pages: unknown[] = [];
    let query = '?limit=3';
    for (let i = 0; i < 10; i++) {
      const page = await (await get(itemId, world.cookies.supervisor, query)).json();
      expect(page.data.length).toBeLessThanOrEqual(3);
      pages.push(...page.data);
      if (!page.next) break;
      query = `?limit=3&cursor=${page.next}`;
    }
    expect(pages).toEqual(all);
    expect((await get(itemId, world.cookies.supervisor, '?cursor=garbage')).status).toBe(400);
  });

  it('shows the thresholds an open obligation has crossed by now, and no more', async () => {
    const openItem = await ingest(
      {
        externalId: `tl-open-${randomBytes(4).toString('hex')}`,
        catalogCode: world.entries.workingDays.code,
        title: '尚未公开的信息',
        formedAt: '2026-11-02T10:00:00+08:00',
        channels: [],
      },
      at('2026-11-02T11:00:00+08:00'),
    );
    // read through lib/ at a chosen instant: moving the clock a week would expire the test's sessions
    const scope = scopeOf({
      id: 1,
      username: 'timeline-test',
      role: 'supervisor',
      regionCode: world.regions.county.code,
      regionPath: world.regions.county.path,
      departmentId: null,
    });
    const kindsAt = async (instant: string) => {
      const result = await getItemTimeline(sql, scope, openItem, { limit: 50, at: at(instant) });
      return result.kind === 'found' ? result.data.map((entry) => entry.kind) : result.kind;
    };
    expect(await kindsAt('2026-11-25T23:59:59+08:00')).toEqual(['formed', 'obligation_opened']);
    expect(await kindsAt('2026-12-03T09:00:00+08:00')).toEqual(['formed', 'obligation_opened', 'obligation_warned', 'obligation_overdue']);
    expect(await kindsAt('2026-12-15T00:00:00+08:00')).toEqual([
      'formed',
      'obligation_opened',
      'obligation_warned',
      'obligation_overdue',
      'obligation_severe',
    ]);
  });

  it('is open to every user whose scope covers the item, 403 to others, 404 for none', async () => {
    expect((await get(itemId, world.cookies.provinceSupervisor)).status).toBe(200);
    expect((await get(itemId, world.cookies.dept)).status).toBe(200);
    expect((await get(itemId, world.cookies.leader)).status).toBe(200);

    const outside = await get(itemId, world.cookies.farSupervisor);
    expect(outside.status).toBe(403);
    expect((await outside.json()).error.code).toBe('forbidden');

    for (const id of [999_999_999, 'abc', '0', '1e3']) {
      const missing = await get(id, world.cookies.supervisor);
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('not_found');
    }
    expect((await get(itemId, null)).status).toBe(401);
  });
});
