import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { e2eServerInfo } from './support/e2e-database';
import { freePort } from './support/free-port';

test('GET /api/health reports both dependencies', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: 'ok',
    db: 'ok',
    redis: 'ok',
    // the relay's lag: owed work not yet done (the demo's workers keep up, so it is small and young)
    owedJobs: { owed: expect.any(Number), unsent: expect.any(Number), oldestSeconds: expect.any(Number) },
  });
});

test('a web process with a wrong REDIS_URL answers /api/health with 503', async ({ request }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  // same database as the running server; only Redis points at a port where nothing listens
  const health = await request.get('/api/health');
  expect(health.ok()).toBe(true);
  const server = e2eServerInfo();
  const child = spawn('node', ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: server.DATABASE_URL,
      REDIS_URL: 'redis://127.0.0.1:1',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  try {
    let response: Response | null = null;
    for (let i = 0; i < 120 && !response; i += 1) {
      response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (!response) await new Promise((r) => setTimeout(r, 500));
    }
    expect(response?.status).toBe(503);
    expect(await response!.json()).toMatchObject({ status: 'degraded', db: 'ok', redis: 'down' });
  } finally {
    child.kill('SIGTERM');
  }
});

test('the working-day API counts holidays and adjusted weekends', async ({ request }) => {
  const due = await request.get('/api/v1/calendar/workdays?from=2026-11-02&n=20');
  expect(await due.json()).toEqual({ due: '2026-11-30', provisional: false });
  const sunday = await request.get('/api/v1/calendar/workdays?from=2026-09-18&n=1');
  expect(await sunday.json()).toEqual({ due: '2026-09-20', provisional: false });

  for (const query of ['from=2026-02-30&n=1', 'from=yesterday&n=1', 'from=2026-11-02&n=0', 'from=2026-11-02&n=366']) {
    const bad = await request.get(`/api/v1/calendar/workdays?${query}`);
    expect(bad.status(), query).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
});
