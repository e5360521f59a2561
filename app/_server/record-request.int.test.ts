// The record prelude's order against real sessions: cross-site before the session, the session and role
// before the id, the id before the body — each refusal with the contract's status, code and message.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sql } from '../../lib/db/sql';
import { createIngestWorld, type IngestWorld } from '../../lib/items/test-fixtures';
import { requireRecordRequest } from './record-request';

const ORIGIN = 'http://127.0.0.1:3000';
const bodySchema = z.strictObject({ note: z.string() });
let world: IngestWorld;

beforeAll(async () => {
  world = await createIngestWorld(sql);
});

function request(id: string, options: { method?: string; cookie?: string; origin?: string; body?: string; contentType?: string } = {}) {
  const { method = 'POST', cookie = world.cookies.supervisor, origin = ORIGIN, body = '{"note":"好"}', contentType = 'application/json' } = options;
  return [
    new Request(`${ORIGIN}/api/v1/things/${id}`, {
      method,
      headers: { host: '127.0.0.1:3000', origin, cookie, 'content-type': contentType },
      ...(method === 'GET' ? {} : { body }),
    }),
    { params: Promise.resolve({ id }) },
  ] as const;
}

const withBody = { permission: 'actOnAlerts', missing: '记录不存在', body: bodySchema, maxBodyBytes: 1_000 } as const;

async function refusal(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  return { status: response.status, error: ((await response.json()) as { error: { code: string; message: string } }).error };
}

describe('requireRecordRequest', () => {
  it('refuses a cross-site write before looking at the session or the id', async () => {
    const result = await requireRecordRequest(...request('abc', { cookie: 'dw_session=nope', origin: 'https://evil.example' }), withBody);
    expect(await refusal(result)).toEqual({ status: 403, error: { code: 'forbidden', message: '拒绝跨站请求' } });
  });

  it('answers 401 without a session and 403 for another role, before the id', async () => {
    const anonymous = await requireRecordRequest(...request('abc', { cookie: 'dw_session=nope' }), withBody);
    expect(await refusal(anonymous)).toEqual({ status: 401, error: { code: 'unauthenticated', message: '请先登录' } });
    const leader = await requireRecordRequest(...request('abc', { cookie: world.cookies.leader }), withBody);
    expect(await refusal(leader)).toEqual({ status: 403, error: { code: 'forbidden', message: '当前角色无权执行此操作' } });
  });

  it('answers 404 with the record’s message for an id that names nothing, before reading the body', async () => {
    for (const id of ['abc', '0', '-1', '1e3', '1234567890123456']) {
      const result = await requireRecordRequest(...request(id, { body: 'not json', contentType: 'text/plain' }), withBody);
      expect(await refusal(result), id).toEqual({ status: 404, error: { code: 'not_found', message: '记录不存在' } });
    }
  });

  it('then refuses a bad body as readJson does', async () => {
    const notJson = await requireRecordRequest(...request('7', { contentType: 'text/plain' }), withBody);
    expect((await refusal(notJson)).status).toBe(415);
    const tooLarge = await requireRecordRequest(...request('7', { body: JSON.stringify({ note: 'x'.repeat(2_000) }) }), withBody);
    expect((await refusal(tooLarge)).status).toBe(413);
    const invalid = await requireRecordRequest(...request('7', { body: '{"note":1}' }), withBody);
    expect(await refusal(invalid)).toMatchObject({ status: 400, error: { code: 'invalid_input', fields: { note: expect.any(String) } } });
  });

  it('hands back the user, the id and the parsed body', async () => {
    const accepted = await requireRecordRequest(...request('7'), withBody);
    if (accepted instanceof Response) throw new Error(`refused with ${accepted.status}`);
    expect(accepted.id).toBe(7);
    expect(accepted.body).toEqual({ note: '好' });
    expect(accepted.auth.user.role).toBe('supervisor');
  });

  it('lets a read from any origin through, with any role when none is named, and no body', async () => {
    const accepted = await requireRecordRequest(...request('42', { method: 'GET', cookie: world.cookies.leader, origin: 'https://evil.example' }), {
      missing: '记录不存在',
    });
    if (accepted instanceof Response) throw new Error(`refused with ${accepted.status}`);
    expect(accepted).toMatchObject({ id: 42 });
    expect('body' in accepted).toBe(false);
  });
});
