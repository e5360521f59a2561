// Every /api answer is JSON (DESIGN §3): an unknown path gets the 404 error body from the catch-all route, and
// Next.js's empty 405 for a method a route does not export gets the 405 error body from the web process's
// wrapper, over real HTTP on a node:http server wired as server.ts wires it.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiRequest, jsonMethodNotAllowed } from '../../../lib/http/json-method-not-allowed';
import * as catchAll from './route';

describe('an unknown /api path', () => {
  it.each(['GET', 'POST', 'DELETE'] as const)('answers %s with 404 and the error body', async (method) => {
    const response = await catchAll[method]();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: '接口不存在' } });
  });
});

describe('a method a route does not export', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    // what Next.js does for such a method (auto-implement-methods.js, send-response.js): status 405, end()
    server = createServer((req, res) => {
      if (isApiRequest(req)) jsonMethodNotAllowed(req, res);
      if (req.url === '/api/v1/json') return void res.writeHead(405, { 'content-type': 'application/json' }).end('{"x":1}');
      // the production build sends the headers first, then ends with no chunk
      if (req.method === 'PATCH') return void res.writeHead(405).end(undefined, undefined);
      res.statusCode = req.url === '/page' || req.method === 'DELETE' || req.method === 'HEAD' ? 405 : 200;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server?.close(resolve)));

  function send(method: string, path: string): Promise<{ status: number; type?: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers 405 with the error body under /api', async () => {
    const answer = await send('DELETE', '/api/v1/reports?x=1');
    expect(answer.status).toBe(405);
    expect(answer.type).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'method_not_allowed', message: '该接口不支持此请求方法' } });
  });

  it('answers 405 with the error body when the headers went out first', async () => {
    const answer = await send('PATCH', '/api/health');
    expect(answer).toMatchObject({ status: 405, type: 'application/json' });
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('leaves a HEAD answer without a body, and other answers as they are', async () => {
    expect(await send('HEAD', '/api/v1/reports')).toMatchObject({ status: 405, type: 'application/json', body: '' });
    expect(await send('GET', '/page')).toMatchObject({ status: 405, body: '' });
    expect(await send('DELETE', '/api/v1/json')).toMatchObject({ status: 405, body: '{"x":1}' });
  });
});
