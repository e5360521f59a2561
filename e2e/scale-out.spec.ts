// Two web processes and one worker process: an alert reaches sockets connected to either web process.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { catalogCodeOfDemoDepartment, e2eServerInfo } from './support/e2e-database';
import { freePort } from './support/free-port';
import { DEMO_PASSWORD } from './support/sign-in';

async function sessionCookie(baseURL: string, username: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

function listen(url: string, cookie: string): Promise<{ socket: Socket; opened: { id: number; itemId: number | null }[] }> {
  const socket = io(url, { forceNew: true, transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  const opened: { id: number; itemId: number | null }[] = [];
  socket.on('alert:opened', (alert: { id: number; itemId: number | null }) => opened.push(alert));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, opened }));
    socket.once('connect_error', reject);
  });
}

test('an alert reaches browsers connected to either of two web processes', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const info = e2eServerInfo();
  const secondPort = await freePort();
  const second: ChildProcess = spawn('node', ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(secondPort),
      HOST: '127.0.0.1',
      DATABASE_URL: info.DATABASE_URL,
      REDIS_PREFIX: info.REDIS_PREFIX,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const sockets: Socket[] = [];
  try {
    const secondURL = `http://127.0.0.1:${secondPort}`;
    await expect
      .poll(async () => (await fetch(`${secondURL}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
      .toBe(200);

    const supervisor = await sessionCookie(baseURL!, 'supervisor');
    const first = await listen(baseURL!, supervisor);
    const other = await listen(secondURL, supervisor);
    sockets.push(first.socket, other.socket);

    const entry = await catalogCodeOfDemoDepartment();
    const dept = await sessionCookie(baseURL!, 'dept');
    const externalId = `scale-out-${Date.now()}`;
    const posted = await fetch(`${secondURL}/api/v1/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: dept },
      body: JSON.stringify({
        externalId,
        catalogCode: entry.code,
        title: '跨进程推送测试',
        formedAt: new Date(Date.now() - 86_400_000).toISOString(),
        publishedAt: new Date(Date.now() - 1_000).toISOString(),
        channels: ['website'],
        publisher: entry.departmentName,
      }),
    });
    expect(posted.status).toBe(201);
    const { id: itemId } = (await posted.json()) as { id: number };

    // up to 10 s, as on a loaded machine: the check worker and both web processes share its 2 cores
    await expect.poll(() => first.opened.some((alert) => alert.itemId === itemId), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => other.opened.some((alert) => alert.itemId === itemId), { timeout: 10_000 }).toBe(true);
  } finally {
    for (const socket of sockets) socket.disconnect();
    second.kill('SIGTERM');
  }
});
