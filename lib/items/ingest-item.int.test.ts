// ingestItem against the run's real Postgres: upsert by (department, externalId), history, obligations,
// refusals that write nothing, and two identical requests at once.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql';
import type { RefusalKind } from '../refusal';
import { ingestItem, type IngestResult } from './ingest-item';
import { countIngestRows, createIngestWorld, type IngestWorld } from './test-fixtures';

let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

const at = (iso: string) => new Date(iso);
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const uniqueId = (prefix = 'ext') => `${prefix}-${randomBytes(4).toString('hex')}`;

function payload(overrides: Record<string, unknown> = {}) {
  return {
    externalId: uniqueId(),
    catalogCode: world.entries.workingDays.code,
    title: '关于某建设项目环境影响报告书的批复',
    formedAt: '2026-11-02T10:00:00+08:00',
    channels: ['website', 'open_platform'],
    indexNo: `${world.department.orgCode}/2026-00001`,
    body: '　　正文。',
    ...overrides,
  };
}

function ingest(body: unknown, receivedAt = at('2026-11-02T11:00:00+08:00'), department = world.department): Promise<IngestResult> {
  return ingestItem(sql, { department, payload: body, receivedAt, actor: 'apikey:dwk_test' });
}

async function ok(result: Promise<IngestResult>) {
  const value = await result;
  if (!value.ok) throw new Error(`refused: ${value.refusal} ${value.message}`);
  return value;
}

const eventsOf = (itemId: number) =>
  sql<{ kind: string; at: Date; actor: string; diff: Record<string, unknown> | null; note: string | null }[]>`
    select kind, at, actor, diff, note from item_events where item_id = ${itemId} order by id`;
const obligationOf = (itemId: number) =>
  sql<Record<string, unknown>[]>`select * from obligations where item_id = ${itemId}`.then((rows) => rows[0]);

describe('a new item', () => {
  it('is created with its formed event and the obligation of DESIGN’s worked example', async () => {
    const body = payload();
    const result = await ok(ingest(body));
    expect(result).toMatchObject({ created: true, version: 1, changed: true });

    const [item] = await sql`select * from items where id = ${result.id}`;
    expect(item).toMatchObject({
      department_id: world.department.id,
      external_id: body.externalId,
      catalog_entry_id: world.entries.workingDays.id,
      region_code: world.regions.county.code,
      version: 1,
      title: body.title,
      channels: ['website', 'open_platform'],
      fields: {},
      attachments: [],
      formed_at: at('2026-11-02T10:00:00+08:00'),
      published_at: null,
      received_at: at('2026-11-02T11:00:00+08:00'),
    });
    expect(item!.payload_hash).toMatch(/^[0-9a-f]{64}$/);

    const events = await eventsOf(result.id);
    expect(events.map((e) => e.kind)).toEqual(['formed']);
    expect(events[0]).toMatchObject({ at: at('2026-11-02T10:00:00+08:00'), actor: 'apikey:dwk_test' });

    expect(await obligationOf(result.id)).toMatchObject({
      catalog_entry_id: world.entries.workingDays.id,
      department_id: world.department.id,
      region_code: world.regions.county.code,
      period_key: null,
      anchor_at: at('2026-11-02T10:00:00+08:00'),
      warn_at: midnight('2026-11-26'),
      due_at: midnight('2026-12-01'),
      severe_at: midnight('2026-12-15'),
      is_provisional: false,
      state: 'open',
      level: 'none',
      next_check_at: midnight('2026-11-26'),
      fulfilled_at: null,
      is_late: null,
      created_at: at('2026-11-02T11:00:00+08:00'),
    });
  });

  it('published on arrival gets a published event and its obligation fulfilled on time', async () => {
    const result = await ok(ingest(payload({ publishedAt: '2026-11-10T09:00:00+08:00' }), at('2026-11-10T09:01:00+08:00')));
    const events = await eventsOf(result.id);
    expect(events.map((e) => e.kind)).toEqual(['formed', 'published']);
    expect(events[1]).toMatchObject({
      at: at('2026-11-10T09:00:00+08:00'),
      note: '已在政府网站、政府信息公开平台发布',
      diff: { channels: ['website', 'open_platform'], url: null },
    });
    expect(await obligationOf(result.id)).toMatchObject({
      state: 'fulfilled',
      fulfilled_at: at('2026-11-10T09:00:00+08:00'),
      fulfilled_by_item_id: result.id,
      is_late: false,
      level: 'none',
      next_check_at: null,
    });
  });

  it('reported after its warn time opens its obligation at the level reached, next check at the next threshold', async () => {
    const result = await ok(ingest(payload(), at('2026-11-27T10:00:00+08:00')));
    expect(await obligationOf(result.id)).toMatchObject({ level: 'yellow', next_check_at: midnight('2026-12-01') });
  });

  it('of an unmeasurable entry owes nothing', async () => {
    const result = await ok(ingest(payload({ catalogCode: world.entries.unmeasurable.code })));
    expect(await obligationOf(result.id)).toBeUndefined();
  });
});

describe('resending and updating', () => {
  it('the same payload again changes nothing: 200, same version, no rows', async () => {
    const body = payload({ fields: { 项目名称: '某项目' } });
    const first = await ok(ingest(body));
    const before = await countIngestRows(sql);
    const [row] = await sql`select updated_at, payload_hash from items where id = ${first.id}`;

    // keys in another order, blanks and nulls where absent, the same instant in another offset
    const resent = { ...Object.fromEntries(Object.entries(body).reverse()), formedAt: '2026-11-02T02:00:00Z', summary: ' ', url: null };
    const again = await ok(ingest(resent, at('2026-11-03T09:00:00+08:00')));
    expect(again).toEqual({ ok: true, created: false, id: first.id, version: 1, changed: false });
    expect(await countIngestRows(sql)).toEqual(before);
    expect(await sql`select updated_at, payload_hash from items where id = ${first.id}`).toEqual([row]);
  });

  it('a changed payload bumps the version and records an updated event with the diff', async () => {
    const body = payload();
    const first = await ok(ingest(body));
    const changed = { ...body, title: '更正后的标题', docNo: '测环〔2026〕8号', channels: ['website'] };
    const result = await ok(ingest(changed, at('2026-11-04T15:00:00+08:00')));
    expect(result).toEqual({ ok: true, created: false, id: first.id, version: 2, changed: true });

    const events = await eventsOf(first.id);
    expect(events.map((e) => e.kind)).toEqual(['formed', 'updated']);
    expect(events[1]).toMatchObject({
      at: at('2026-11-04T15:00:00+08:00'),
      note: '更新：标题、文号、公开渠道',
      diff: {
        title: { before: body.title, after: '更正后的标题' },
        docNo: { before: null, after: '测环〔2026〕8号' },
        channels: { before: ['website', 'open_platform'], after: ['website'] },
      },
    });
    const [item] = await sql`select version, title, doc_no, channels, updated_at, received_at from items where id = ${first.id}`;
    expect(item).toEqual({
      version: 2,
      title: '更正后的标题',
      doc_no: '测环〔2026〕8号',
      channels: ['website'],
      updated_at: at('2026-11-04T15:00:00+08:00'),
      // nothing about the publication changed: received_at still says when it was reported
      received_at: at('2026-11-02T11:00:00+08:00'),
    });
    // one obligation still
    expect(await sql`select id from obligations where item_id = ${first.id}`).toHaveLength(1);
  });

  it('publishing later fulfils the obligation, late when after the due time', async () => {
    const body = payload();
    const first = await ok(ingest(body));
    const published = { ...body, publishedAt: '2026-12-02T10:00:00+08:00', url: 'https://example.gov.cn/t1.html' };
    const result = await ok(ingest(published, at('2026-12-02T10:02:00+08:00')));
    expect(result).toMatchObject({ created: false, version: 2, changed: true });

    const events = await eventsOf(first.id);
    expect(events.map((e) => e.kind)).toEqual(['formed', 'updated', 'published']);
    expect(events[1]!.diff).toEqual({
      url: { before: null, after: 'https://example.gov.cn/t1.html' },
      publishedAt: { before: null, after: '2026-12-02T02:00:00.000Z' },
    });
    expect(await obligationOf(first.id)).toMatchObject({
      state: 'fulfilled',
      fulfilled_at: at('2026-12-02T10:00:00+08:00'),
      is_late: true,
      // it had turned orange (due 2026-11-30 24:00) by the time it was published
      level: 'orange',
      next_check_at: null,
      updated_at: at('2026-12-02T10:02:00+08:00'),
    });
    const [item] = await sql`select received_at from items where id = ${first.id}`;
    expect(item!.received_at).toEqual(at('2026-12-02T10:02:00+08:00'));

    // a later correction of the publication time is history, not a rewrite of the lateness
    await ok(ingest({ ...published, publishedAt: '2026-11-20T10:00:00+08:00' }, at('2026-12-03T10:00:00+08:00')));
    expect(await obligationOf(first.id)).toMatchObject({ fulfilled_at: at('2026-12-02T10:00:00+08:00'), is_late: true });
  });

  it('refuses to take a publication back, or to move the item to another entry (409)', async () => {
    const body = payload({ publishedAt: '2026-11-02T10:30:00+08:00' });
    await ok(ingest(body));
    const before = await countIngestRows(sql);
    const unpublish = await ingest({ ...body, publishedAt: null, title: '改' });
    expect(unpublish).toMatchObject({ ok: false, refusal: 'conflict', fields: { publishedAt: expect.any(String) } });
    const moved = await ingest({ ...body, catalogCode: world.entries.unmeasurable.code });
    expect(moved).toMatchObject({ ok: false, refusal: 'conflict', fields: { catalogCode: expect.any(String) } });
    expect(await countIngestRows(sql)).toEqual(before);
  });
});

describe('refusals write nothing', () => {
  const cases: [string, () => Record<string, unknown>, Date | undefined, RefusalKind, string | null][] = [
    ['publishedAt before formedAt', () => payload({ publishedAt: '2026-11-01T10:00:00+08:00' }), undefined, 'invalid', 'publishedAt'],
    ['publishedAt more than 5 minutes after receipt', () => payload({ publishedAt: '2026-11-02T11:05:01+08:00' }), undefined, 'invalid', 'publishedAt'],
    ['formedAt in the future', () => payload({ formedAt: '2026-11-03T10:00:00+08:00' }), undefined, 'invalid', 'formedAt'],
    ['a date that does not exist', () => payload({ formedAt: '2026-02-30' }), undefined, 'invalid', 'formedAt'],
    ['a missing field', () => ({ ...payload(), title: undefined }), undefined, 'invalid', 'title'],
    ['an unknown catalog code', () => payload({ catalogCode: 'NO-SUCH-CODE' }), undefined, 'unknown_reference', 'catalogCode'],
    ['a code of another county’s catalog', () => payload({ catalogCode: world.farEntryCode }), undefined, 'unknown_reference', 'catalogCode'],
    ['an entry of another department', () => payload({ catalogCode: world.otherEntry.code }), undefined, 'not_allowed', null],
    ['a before-event entry without eventAt', () => payload({ catalogCode: world.entries.beforeEvent.code }), undefined, 'invalid', 'eventAt'],
    ['a step before formedAt', () => payload({ steps: [{ kind: 'submitted', at: '2026-11-01T09:00:00+08:00' }] }), undefined, 'invalid', 'steps.0.at'],
    ['a step in the future', () => payload({ steps: [{ kind: 'approved', at: '2026-11-02T11:10:00+08:00' }] }), undefined, 'invalid', 'steps.0.at'],
    [
      'steps out of order',
      () => payload({ steps: [{ kind: 'reviewed', at: '2026-11-02T10:40:00+08:00' }, { kind: 'approved', at: '2026-11-02T10:20:00+08:00' }] }),
      undefined,
      'invalid',
      'steps.1.at',
    ],
    ['a step of an unknown kind', () => payload({ steps: [{ kind: 'signed', at: '2026-11-02T10:20:00+08:00' }] }), undefined, 'invalid', 'steps.0.kind'],
    [
      'a withdrawal of an item never reported',
      () => payload({ publishedAt: '2026-11-02T10:30:00+08:00', withdrawnAt: '2026-11-02T10:50:00+08:00', withdrawReason: '内容有误' }),
      undefined,
      'invalid',
      'withdrawnAt',
    ],
    ['a withdrawal without its reason', () => payload({ publishedAt: '2026-11-02T10:30:00+08:00', withdrawnAt: '2026-11-02T10:50:00+08:00' }), undefined, 'invalid', 'withdrawReason'],
  ];

  it.each(cases)('%s', async (_name, body, receivedAt, refusal, field) => {
    const before = await countIngestRows(sql);
    const result = await ingest(body(), receivedAt);
    expect(result).toMatchObject({ ok: false, refusal });
    if (result.ok) return;
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    if (field) expect(result.fields?.[field]).toMatch(/[\u4e00-\u9fff]/);
    expect(await countIngestRows(sql)).toEqual(before);
  });

  it('names the owner of another department’s entry', async () => {
    const result = await ingest(payload({ catalogCode: world.otherEntry.code }));
    expect(result).toMatchObject({ ok: false, refusal: 'not_allowed' });
    if (!result.ok) expect(result.message).toContain(world.otherDepartment.name);
  });

  it('accepts publication up to 5 minutes after receipt (clock skew)', async () => {
    expect(await ingest(payload({ publishedAt: '2026-11-02T11:05:00+08:00' }))).toMatchObject({ ok: true, created: true });
  });
});

describe('the disclosure process from the CMS', () => {
  const steps = [
    { kind: 'submitted', at: '2026-11-02T10:05:00+08:00', actor: '张敏' },
    { kind: 'reviewed', at: '2026-11-02T10:15:00+08:00', actor: '李强', note: '保密审查：不涉密' },
    { kind: 'approved', at: '2026-11-02T10:25:00+08:00', actor: '王军' },
  ];

  it('records each reported step once, however often the CMS resends it, without a new version', async () => {
    const body = payload({ steps: steps.slice(0, 2) });
    const first = await ok(ingest(body));
    // the approval arrives with the publication; the earlier steps come again
    const published = { ...body, steps, publishedAt: '2026-11-02T10:30:00+08:00' };
    const second = await ok(ingest(published));
    expect(second).toMatchObject({ id: first.id, version: 2 });
    const again = await ok(ingest(published, at('2026-11-02T12:00:00+08:00')));
    expect(again).toEqual({ ok: true, created: false, id: first.id, version: 2, changed: false });
    // a step reported late on its own is recorded without touching the item
    const onlyStep = await ok(ingest({ ...published, steps: [...steps, { kind: 'reviewed', at: '2026-11-02T10:29:00+08:00', note: '复核' }] }));
    expect(onlyStep).toMatchObject({ version: 2, changed: false });

    const events = await eventsOf(first.id);
    expect(events.map((e) => e.kind)).toEqual(['formed', 'submitted', 'reviewed', 'updated', 'published', 'approved', 'reviewed']);
    expect(events.find((e) => e.note?.includes('保密审查'))).toMatchObject({ kind: 'reviewed', actor: 'apikey:dwk_test', note: '审核（李强）：保密审查：不涉密' });
  });

  it('withdraws a published item once: a new version, a withdrawn event with the reason, a check owed', async () => {
    const body = payload({ publishedAt: '2026-11-02T10:30:00+08:00' });
    const first = await ok(ingest(body));
    const withdrawal = { ...body, withdrawnAt: '2026-11-02T10:50:00+08:00', withdrawReason: '附件有误，更正后重新发布' };
    const withdrawn = await ok(ingest(withdrawal));
    expect(withdrawn).toMatchObject({ id: first.id, version: 2, changed: true });
    const [item] = await sql<{ withdrawn_at: Date }[]>`select withdrawn_at from items where id = ${first.id}`;
    expect(item!.withdrawn_at).toEqual(at('2026-11-02T10:50:00+08:00'));
    const [owed] = await sql<{ payload: { version: number } }[]>`select payload from owed_jobs where key = ${`check-item-${first.id}`}`;
    expect(owed?.payload.version).toBe(2);
    expect(await ok(ingest(withdrawal))).toMatchObject({ version: 2, changed: false });
    expect((await eventsOf(first.id)).filter((e) => e.kind === 'withdrawn')).toEqual([
      expect.objectContaining({ at: at('2026-11-02T10:50:00+08:00'), note: '撤回：附件有误，更正后重新发布' }),
    ]);
  });
});

describe('concurrency', () => {
  it('makes one item of identical requests arriving at once', async () => {
    const body = payload();
    const before = await countIngestRows(sql);
    const results = await Promise.all(Array.from({ length: 6 }, () => ok(ingest(body))));
    expect(results.map((r) => r.created).sort()).toEqual([false, false, false, false, false, true]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await countIngestRows(sql)).toEqual({
      items: before.items + 1,
      itemEvents: before.itemEvents + 1,
      obligations: before.obligations + 1,
      // one check owed, not one per request
      owedJobs: before.owedJobs + 1,
    });
  });
});

describe('before-event entries', () => {
  it('anchor on eventAt, and move their open obligation when the event moves', async () => {
    // 会议召开前3日: an event on 11-20 must be out by 00:00 of 11-17, i.e. by the end of 11-16
    const body = payload({ catalogCode: world.entries.beforeEvent.code, eventAt: '2026-11-20T09:30:00+08:00' });
    const result = await ok(ingest(body));
    expect(await obligationOf(result.id)).toMatchObject({
      anchor_at: at('2026-11-20T09:30:00+08:00'),
      due_at: midnight('2026-11-17'),
      state: 'open',
    });
    await ok(ingest({ ...body, eventAt: '2026-11-27T09:30:00+08:00' }, at('2026-11-05T10:00:00+08:00')));
    expect(await obligationOf(result.id)).toMatchObject({
      anchor_at: at('2026-11-27T09:30:00+08:00'),
      due_at: midnight('2026-11-24'),
      updated_at: at('2026-11-05T10:00:00+08:00'),
    });
  });
});
