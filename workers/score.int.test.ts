// Scoring with real worker processes: an overdue item published late lowers its department's month score,
// and the change is pushed as score:updated to the county's room. Own database and Redis prefix, because the
// workers sweep and score every department they find.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import type { RunningProcess } from '../lib/testing/processes';
import { createTestDatabase, type TestDatabase } from '../lib/testing/test-database';

const shanghai = (local: string) => new Date(`${local}+08:00`);

let db: TestDatabase;
let fixture: EngineFixture;
let workers: RunningProcess;
let socketServer: { url: string; close: () => Promise<void> };
let redis: Redis;
let lib: {
  sql: typeof import('../lib/db/sql').sql;
  closeSql: typeof import('../lib/db/sql').closeSql;
  setSharedClock: typeof import('../lib/clock').setSharedClock;
  POST: typeof import('../app/api/v1/items/route').POST;
  connectClient: typeof import('../lib/testing/socket-harness').connectClient;
  waitUntil: typeof import('../lib/testing/socket-harness').waitUntil;
  closeQueues: typeof import('../lib/jobs/producer').closeQueues;
};
let apiKey: string;

async function post(externalId: string, overrides: Record<string, unknown> = {}): Promise<Response> {
  const { jianye } = fixture;
  return lib.POST(
    new Request('http://127.0.0.1/api/v1/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        externalId,
        catalogCode: jianye.entryCode,
        title: `环评审批公告 ${externalId}`,
        formedAt: '2026-11-02T09:00:00+08:00',
        channels: ['website', 'open_platform'],
        indexNo: `${jianye.orgCode}/2026-000${externalId.slice(-2)}`,
        publisher: jianye.name,
        summary: '批复某建设项目环境影响报告书。',
        body: '经审查，同意该项目建设。',
        url: 'https://www.example.gov.cn/hbj/2026/11/17.html',
        ...overrides,
      }),
    }),
  );
}

async function novemberTotal(): Promise<{ total: string | null; breakdown: { losses: { ref: { itemId: number; label: string } }[] } } | undefined> {
  const [row] = await lib.sql<{ total: string | null; breakdown: { losses: { ref: { itemId: number; label: string } }[] } }[]>`
    select total, breakdown from scores
    where subject_type = 'department' and department_id = ${fixture.jianye.departmentId} and period = '2026-11'`;
  return row;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  db = await createTestDatabase('score');
  Object.assign(process.env, {
    DATABASE_URL: db.appUrl,
    DATABASE_ADMIN_URL: db.adminUrl,
    REDIS_PREFIX: db.redisPrefix,
    ALLOW_CLOCK_CONTROL: 'true',
  });
  // imported only now: modules read the environment on first use
  const [sqlModule, clock, route, apiKeys, harness, producer, fixtureModule, processes, connection] = await Promise.all([
    import('../lib/db/sql'),
    import('../lib/clock'),
    import('../app/api/v1/items/route'),
    import('../lib/auth/api-keys'),
    import('../lib/testing/socket-harness'),
    import('../lib/jobs/producer'),
    import('../lib/testing/engine-fixture'),
    import('../lib/testing/processes'),
    import('../lib/redis/connection'),
  ]);
  lib = {
    sql: sqlModule.sql,
    closeSql: sqlModule.closeSql,
    setSharedClock: clock.setSharedClock,
    POST: route.POST,
    connectClient: harness.connectClient,
    waitUntil: harness.waitUntil,
    closeQueues: producer.closeQueues,
  };
  redis = connection.createRedis({ forBullmq: true });
  fixture = await fixtureModule.createEngineFixture(lib.sql);
  apiKey = (await apiKeys.createApiKey(lib.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  await lib.setSharedClock(redis, db.redisPrefix, shanghai('2026-11-03T10:00:00'));
  workers = await processes.startWorkerProcess({ ...process.env }, ['check', 'sweep', 'score']);
  socketServer = await harness.startSocketServer();
}, 90_000);

afterAll(async () => {
  await workers?.stop();
  await socketServer?.close();
  await lib?.closeQueues();
  redis?.disconnect();
  await lib?.closeSql();
  await db?.drop();
  const { Redis: RedisClient } = await import('ioredis');
  const cleaner = new RedisClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await cleaner.keys(`${db.redisPrefix}*`);
  if (keys.length > 0) await cleaner.del(...keys);
  cleaner.disconnect();
}, 60_000);

describe('score worker', () => {
  it('lowers the department’s score when an overdue item is published late, and pushes score:updated', async () => {
    const client = await lib.connectClient(socketServer.url, fixture.tokens.jianye);
    const updates: { departmentId: number; period: string; total: number | null }[] = [];
    client.socket.on('score:updated', (score) => updates.push(score as (typeof updates)[number]));
    try {
      // five items published on time and one not published: before its deadline November scores 100
      for (const n of [11, 12, 13, 14, 15]) {
        expect((await post(`on-time-${n}`, { publishedAt: '2026-11-03T09:30:00+08:00' })).status).toBe(201);
      }
      expect((await post('late-16')).status).toBe(201);
      const before = await waitFor(novemberTotal, (row) => row?.total !== undefined && Number(row?.total) === 100, 'November 100');
      expect(before!.breakdown.losses).toEqual([]);
      await lib.waitUntil(() => updates.some((u) => u.period === '2026-11' && u.total === 100), 'score:updated 100', 10_000);

      // due 2026-11-30 24:00 (DESIGN §1's worked example); published on 12-03: fulfilled late
      await lib.setSharedClock(redis, db.redisPrefix, shanghai('2026-12-03T10:00:00'));
      expect((await post('late-16', { publishedAt: '2026-12-03T09:00:00+08:00' })).status).toBe(200);
      // timeliness 5 of 6 on time carries the whole weight (completeness has 5 November cases too):
      // 100 × (35 × 5/6 + 20 × 5/5) / 55 = 89.39
      const after = await waitFor(
        novemberTotal,
        (row) => Number(row?.total) === 89.39 && (row?.breakdown.losses ?? []).some((l) => l.ref.label.includes('才公开')),
        'November lowered by the late publication',
      );
      const [item] = await lib.sql<{ id: number }[]>`select id from items where external_id = 'late-16'`;
      expect(after!.breakdown.losses.map((l) => l.ref.itemId)).toContain(item!.id);
      await lib.waitUntil(
        () => updates.some((u) => u.period === '2026-11' && u.total === 89.39 && u.departmentId === fixture.jianye.departmentId),
        'score:updated 89.39',
        5_000,
      );
    } finally {
      client.close();
    }
  });
});
