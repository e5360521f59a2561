// The cost of a request before any application work: server.ts's CPU per request for a route that answers at
// once (GET /api/v1/regions without a session: 401, no database), next to a plain node:http server giving the
// same answer. What Next.js's route layer costs per request on this machine.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { onCleanup } from './cleanup';
import { processCpuMs } from './cpu';

const PLAIN_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'unauthenticated', message: '请先登录' } }));
  });
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
process.on('SIGTERM', () => process.exit(0));`;

async function cpuPerRequest(port: number, pid: number, path: string, n: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ agent, host: '127.0.0.1', port, path }, (response) => {
          response.resume();
          response.on('end', () => resolve());
        })
        .on('error', reject);
    });
  try {
    for (let i = 0; i < 30; i += 1) await get();
    const before = processCpuMs(pid) ?? 0;
    for (let i = 0; i < n; i += 1) await get();
    return ((processCpuMs(pid) ?? 0) - before) / n;
  } finally {
    agent.destroy();
  }
}

export async function routeFloor(serverPort: number, serverPid: number, n = 300): Promise<{ nextMs: number; plainMs: number }> {
  const nextMs = await cpuPerRequest(serverPort, serverPid, '/api/v1/regions', n);
  const child = spawn('node', ['-e', PLAIN_SERVER], { stdio: ['ignore', 'pipe', 'ignore'] });
  const stop = onCleanup('plain http server', () => void child.kill('SIGTERM'));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('plain server did not start')), 10_000);
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /port (\d+)/.exec(chunk.toString());
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
    const plainMs = await cpuPerRequest(port, child.pid!, '/api/v1/regions', n);
    return { nextMs, plainMs };
  } finally {
    await stop();
  }
}
