// server.ts's fast path over real HTTP (a node:http server wired as server.ts wires it): the contract's
// statuses, error bodies and security headers for API-key ingest, and a check job after the commit.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '../clock';
import { sql } from '../db/sql';
import { countIngestRows, createIngestWorld, owedCheckOf, type IngestWorld } from '../items/test-fixtures';
import { isApiKeyIngest, serveApiKeyIngest } from './ingest-fast-path';
import { SECURITY_HEADERS } from './security-headers';

const RECEIVED_AT = new Date('2026-11-02T11:00:00+08:00');
let world: IngestWorld;
let server: Server;
let port: number;

beforeAll(async () => {
  world = await createIngestWorld(sql);
  server = createServer((req, res) => {
    if (isApiKeyIngest(req)) return void serveApiKeyIngest(req, res);
    res.writeHead(404).end('next.js');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => setClockOffset(0));

afterAll(async () => {
  setClockOffset(0);
  await new Promise((resolve) => server?.close(resolve));
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | string;
}

/** A raw HTTP request; `body` as chunks lets a test send one without a Content-Length. */
function send(body: string | string[], headers: Record<string, string> = {}, path = '/api/v1/items'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${world.apiKey}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Answer['body'] = text;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else req.write(body);
    req.end();
  });
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

describe('API-key ingest before Next.js', () => {
  it('201 with the id, the security headers, and the check job; a resend is 200 unchanged', async () => {
    setClockOffset(RECEIVED_AT.getTime() - Date.now());
    const body = JSON.stringify(payload());
    const created = await send(body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), version: 1, changed: true });
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.headers['cache-control']).toBe('no-store');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(created.headers[name.toLowerCase()]).toBe(value);
    const id = (created.body as { id: number }).id;
    expect(await owedCheckOf(sql, id)).toEqual({ itemId: id, version: 1 });

    const resent = await send(body);
    expect([resent.status, resent.body]).toEqual([200, { id, version: 1, changed: false }]);
  });

  it('answers each refusal with its contract status and writes nothing', async () => {
    const before = await countIngestRows(sql);
    const badKey = await send(JSON.stringify(payload()), { authorization: 'Bearer dwk_not-a-key' });
    expect(badKey.status).toBe(401);
    expect(badKey.headers['www-authenticate']).toBe('Bearer');
    expect(badKey.body).toMatchObject({ error: { code: 'unauthenticated' } });

    expect((await send('title=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send('{"title":', {})).body).toMatchObject({ error: { code: 'invalid_json' } });
    const big = JSON.stringify(payload({ title: 'x'.repeat(1_100_000) }));
    expect((await send(big)).status).toBe(413);
    // the same without a Content-Length (chunked): still refused, not read past the limit
    expect((await send([big.slice(0, 600_000), big.slice(600_000)], { 'transfer-encoding': 'chunked' })).status).toBe(413);

    const invalid = await send(JSON.stringify(payload({ formedAt: '2026-02-30T10:00:00+08:00', channels: 'website' })));
    expect(invalid.status).toBe(400);
    expect(Object.keys((invalid.body as { error: { fields: object } }).error.fields)).toEqual(expect.arrayContaining(['formedAt', 'channels']));
    expect((await send(JSON.stringify(payload({ catalogCode: 'NO-SUCH' })))).status).toBe(422);
    expect((await send(JSON.stringify(payload({ catalogCode: world.otherEntry.code })))).status).toBe(403);
    expect((await send(JSON.stringify(payload()), { origin: 'https://evil.example' })).status).toBe(403);
    expect(await countIngestRows(sql)).toEqual(before);
  });

  it('leaves requests without an API key, and other paths, to Next.js', async () => {
    // an empty Authorization is still a (bad) key, as on the route
    expect((await send(JSON.stringify(payload()), { authorization: '' })).status).toBe(401);
    const noKey = await new Promise<number>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/items', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.end('{}');
    });
    expect(noKey).toBe(404);
    expect((await send(JSON.stringify(payload()), {}, '/api/v1/items?x=1')).status).toBe(404);
  });
});
