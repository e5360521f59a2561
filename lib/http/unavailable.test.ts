import { describe, expect, it } from 'vitest';
import { orUnavailable, unavailableAfter } from './unavailable';

const unavailableBody = { error: { code: 'unavailable', message: '服务暂时不可用，请稍后再试' } };

describe('orUnavailable', () => {
  const request = new Request('http://127.0.0.1:3000/api/v1/rules', { method: 'GET' });

  it('passes the answer of a handler that does not throw', async () => {
    const handler = orUnavailable('rules list failed', async () => Response.json({ data: [] }, { status: 201 }));
    const response = await handler(request);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ data: [] });
  });

  it('answers 503 with the contract body when Postgres is away', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const response = await orUnavailable('rules list failed', async () => {
      throw down;
    })(request);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(unavailableBody);
  });

  it('answers any other failure with 503 too, never an HTML 500', async () => {
    const response = await orUnavailable('rules list failed', async () => {
      throw new Error('duplicate key value violates unique constraint');
    })(request);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(unavailableBody);
  });

  it('passes the route context through and takes its own message', async () => {
    const handler = orUnavailable(
      'sign-in failed',
      async (_request: Request, context: { params: Promise<{ id: string }> }) => {
        throw new Error(`no ${(await context.params).id}`);
      },
      { message: '登录服务暂时不可用，请稍后再试' },
    );
    const response = await handler(request, { params: Promise.resolve({ id: '7' }) });
    expect(await response.json()).toEqual({ error: { code: 'unavailable', message: '登录服务暂时不可用，请稍后再试' } });
  });
});

describe('unavailableAfter', () => {
  it('answers 503 for a caught error', async () => {
    const response = unavailableAfter('not even an Error', 'ingest failed', { departmentId: 3 });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(unavailableBody);
  });
});
