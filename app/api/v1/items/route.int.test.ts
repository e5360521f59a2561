// POST /api/v1/items end to end (without HTTP): credentials, the contract's statuses and error body, nothing
// written on refusal, one item from concurrent identical posts, the check owed by the same commit.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../../../lib/auth/api-keys';
import { setClockOffset } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { countIngestRows, createIngestWorld, owedCheckOf, type IngestWorld } from '../../../../lib/items/test-fixtures';
import { POST } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
// the worked example's item arrives an hour after it was formed
const RECEIVED_AT = new Date('2026-11-02T11:00:00+08:00');
let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

afterEach(() => setClockOffset(0));

afterAll(async () => {
  setClockOffset(0);
});

function atReceipt(): void {
  setClockOffset(RECEIVED_AT.getTime() - Date.now());
}

function payload(overrides: Record<string, unknown> = {}) {
  return {
    externalId: `cms-${randomBytes(4).toString('hex')}`,
    catalogCode: world.entries.workingDays.code,
    title: '关于某建设项目环境影响报告书的批复',
    formedAt: '2026-11-02T10:00:00+08:00',
    channels: ['website', 'open_platform'],
    ...overrides,
  };
}

function post(body: unknown, headers: Record<string, string | null> = {}): Promise<Response> {
  const merged: Record<string, string> = {};
  const defaults = { host: '127.0.0.1:3000', 'content-type': 'application/json', authorization: `Bearer ${world.apiKey}` };
  for (const [name, value] of Object.entries({ ...defaults, ...headers })) if (value !== null) merged[name] = value;
  return POST(
    new Request(`${ORIGIN}/api/v1/items`, {
      method: 'POST',
      headers: merged,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('POST /api/v1/items with a department API key', () => {
  it('201 {id} for a new item, its obligation per DESIGN’s worked example, and a check job after the commit', async () => {
    atReceipt();
    const body = payload();
    const response = await post(body);
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toEqual({ id: expect.any(Number), version: 1, changed: true });

    const [obligation] = await sql`select warn_at, due_at, severe_at, state, level from obligations where item_id = ${created.id}`;
    expect(obligation).toEqual({
      warn_at: new Date('2026-11-26T00:00:00+08:00'),
      due_at: new Date('2026-12-01T00:00:00+08:00'),
      severe_at: new Date('2026-12-15T00:00:00+08:00'),
      state: 'open',
      level: 'none',
    });
    const events = await sql`select kind, actor from item_events where item_id = ${created.id}`;
    expect(events).toEqual([{ kind: 'formed', actor: expect.stringMatching(/^apikey:dwk_/) }]);

    expect(await owedCheckOf(sql, created.id)).toEqual({ itemId: created.id, version: 1 });

    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: created.id, version: 1, changed: false });
  });

  it('200 {id} for an update, version 2 with its own check job', async () => {
    atReceipt();
    const body = payload();
    const { id } = await (await post(body)).json();
    const response = await post({ ...body, title: '新标题', publishedAt: '2026-11-02T10:59:00+08:00' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id, version: 2, changed: true });
    expect(await owedCheckOf(sql, id)).toEqual({ itemId: id, version: 2 });
    const kinds = await sql`select kind from item_events where item_id = ${id} order by id`;
    expect(kinds.map((k) => k.kind)).toEqual(['formed', 'updated', 'published']);
  });

  it('makes one item of two identical posts at once', async () => {
    atReceipt();
    const body = payload();
    const before = await countIngestRows(sql);
    const responses = await Promise.all([post(body), post(body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    const ids = await Promise.all(responses.map(async (r) => (await r.json()).id));
    expect(ids[0]).toBe(ids[1]);
    expect((await countIngestRows(sql)).items).toBe(before.items + 1);
  });
});

describe('credentials', () => {
  const expectNothingWritten = async (run: () => Promise<Response>, status: number, code: string) => {
    atReceipt();
    const before = await countIngestRows(sql);
    const response = await run();
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countIngestRows(sql)).toEqual(before);
    return response;
  };

  it('401 without credentials, with a wrong, malformed or revoked key', async () => {
    const none = await expectNothingWritten(() => post(payload(), { authorization: null }), 401, 'unauthenticated');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    await expectNothingWritten(() => post(payload(), { authorization: `Bearer dwk_${randomBytes(32).toString('base64url')}` }), 401, 'unauthenticated');
    await expectNothingWritten(() => post(payload(), { authorization: 'Bearer not-a-key' }), 401, 'unauthenticated');
    await expectNothingWritten(() => post(payload(), { authorization: `Basic ${world.apiKey}` }), 401, 'unauthenticated');
    await expectNothingWritten(() => post(payload(), { authorization: 'Bearer' }), 401, 'unauthenticated');

    const { key, apiKey } = await createApiKey(sql, { departmentId: world.department.id, createdBy: 'test' });
    atReceipt();
    expect((await post(payload(), { authorization: `Bearer ${key}` })).status).toBe(201);
    await revokeApiKey(sql, { departmentId: world.department.id, keyPrefix: apiKey.keyPrefix, revokedBy: 'test' });
    await expectNothingWritten(() => post(payload(), { authorization: `Bearer ${key}` }), 401, 'unauthenticated');
  });

  it('takes a signed-in department user’s session, and refuses other roles with 403', async () => {
    atReceipt();
    const response = await post(payload(), { authorization: null, cookie: world.cookies.dept, origin: ORIGIN });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const [event] = await sql`select actor from item_events where item_id = ${id}`;
    expect(event!.actor).toMatch(/^dept-/);

    await expectNothingWritten(() => post(payload(), { authorization: null, cookie: world.cookies.supervisor }), 403, 'forbidden');
    await expectNothingWritten(() => post(payload(), { authorization: null, cookie: world.cookies.leader }), 403, 'forbidden');
    await expectNothingWritten(() => post(payload(), { authorization: null, cookie: 'dw_session=expired-or-forged' }), 401, 'unauthenticated');
  });

  it('403 for a cross-site Origin, even with a valid key or session', async () => {
    await expectNothingWritten(() => post(payload(), { origin: 'https://evil.example' }), 403, 'forbidden');
    await expectNothingWritten(
      () => post(payload(), { authorization: null, cookie: world.cookies.dept, origin: 'https://evil.example' }),
      403,
      'forbidden',
    );
  });
});

describe('bad input: the contract’s status, a zh-CN message per field, nothing written', () => {
  const cases: [string, () => unknown, Record<string, string | null>, number, string, string[]][] = [
    ['missing fields', () => ({ externalId: 'x', channels: [] }), {}, 400, 'invalid_input', ['catalogCode', 'title', 'formedAt']],
    ['wrong types', () => payload({ title: 42, channels: 'website', fields: [], attachments: 'a.pdf' }), {}, 400, 'invalid_input', ['title', 'channels', 'fields', 'attachments']],
    ['a date that does not exist', () => payload({ formedAt: '2026-02-30' }), {}, 400, 'invalid_input', ['formedAt']],
    ['a time that does not exist', () => payload({ publishedAt: '2026-11-02T24:00:00+08:00' }), {}, 400, 'invalid_input', ['publishedAt']],
    ['a time without an offset', () => payload({ formedAt: '2026-11-02T10:00:00' }), {}, 400, 'invalid_input', ['formedAt']],
    ['a title over 500 characters', () => payload({ title: '长'.repeat(501) }), {}, 400, 'invalid_input', ['title']],
    ['unknown keys', () => payload({ tittle: 'typo', status: 'published' }), {}, 400, 'invalid_input', ['tittle', 'status']],
    ['an unknown channel', () => payload({ channels: ['website', 'telegram'] }), {}, 400, 'invalid_input', ['channels.1']],
    ['publishedAt before formedAt', () => payload({ publishedAt: '2026-11-01T10:00:00+08:00' }), {}, 400, 'invalid_input', ['publishedAt']],
    ['publishedAt in the future', () => payload({ publishedAt: '2026-11-02T12:00:00+08:00' }), {}, 400, 'invalid_input', ['publishedAt']],
    ['a before-event entry without eventAt', () => payload({ catalogCode: world.entries.beforeEvent.code }), {}, 400, 'invalid_input', ['eventAt']],
    ['an unknown catalog code', () => payload({ catalogCode: 'NO-SUCH-CODE' }), {}, 422, 'unknown_reference', ['catalogCode']],
    ['another county’s catalog code', () => payload({ catalogCode: world.farEntryCode }), {}, 422, 'unknown_reference', ['catalogCode']],
    ['an entry of another department', () => payload({ catalogCode: world.otherEntry.code }), {}, 403, 'forbidden', []],
    ['a body that is not an object', () => '[1, 2]', {}, 400, 'invalid_input', ['_']],
    ['broken JSON', () => '{"externalId": ', {}, 400, 'invalid_json', []],
    ['another content type', () => 'externalId=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type', []],
    ['no content type', () => payload(), { 'content-type': null }, 415, 'unsupported_media_type', []],
  ];

  it.each(cases)('%s', async (_name, body, headers, status, code, fields) => {
    atReceipt();
    const before = await countIngestRows(sql);
    const response = await post(body(), headers);
    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    for (const field of fields) expect(error.fields?.[field]).toMatch(/[\u4e00-\u9fff]/);
    expect(await countIngestRows(sql)).toEqual(before);
  });

  it('names unknown keys in the message too', async () => {
    atReceipt();
    const { error } = await (await post(payload({ tittle: 'typo' }))).json();
    expect(error).toEqual({ code: 'invalid_input', message: '请求体不支持的字段：tittle', fields: { tittle: '不支持的字段' } });
  });

  it('a 1 MB title is refused (413, the body limit) and never a 500', async () => {
    atReceipt();
    const before = await countIngestRows(sql);
    const response = await post(payload({ title: 'x'.repeat(1_000_000) }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
    const wide = await post(payload({ title: '题'.repeat(200_000) }));
    expect(wide.status).toBe(400);
    expect((await wide.json()).error.fields.title).toBe('标题（title）不能超过 500 个字符');
    expect(await countIngestRows(sql)).toEqual(before);
  });
});
