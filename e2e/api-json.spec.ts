// Every /api answer is JSON on the production server (DESIGN §3): an unknown path is a 404 and a method a
// route does not export a 405, each with the error body, never Next.js's HTML not-found page or an empty body.
import { expect, test } from '@playwright/test';

test('an unknown /api path answers 404 with the error body', async ({ request }) => {
  for (const path of ['/api', '/api/nope', '/api/v1/items/1/nope']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: '接口不存在' } });
  }
});

test('a method a route does not export answers 405 with the error body', async ({ request }) => {
  for (const [method, path] of [['DELETE', '/api/health'], ['PUT', '/api/v1/reports']] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: '该接口不支持此请求方法' } });
  }
});
