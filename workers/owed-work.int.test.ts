// Nothing lost when Redis fails: an item accepted while Redis is down, or whose queued check Redis forgot in a
// restart without persistence, is still checked and raises its alert. Worker processes on a private
// redis-server of this file's own (never the machine's shared one), which the tests stop and start empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import { startPrivateRedis, type PrivateRedis } from '../lib/testing/private-services';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const shanghai = (local: string) => new Date(`${local}+08:00`);

let redis: PrivateRedis;
let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let POST: typeof import('../app/api/v1/items/route').POST;
let apiKey: string;

async function postIncomplete(externalId: string): Promise<{ status: number; id: number; ms: number }> {
  const { jianye } = fixture;
  const started = performance.now();
  const response = await POST(
    new Request('http://127.0.0.1/api/v1/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      // no 发布机构 (publisher): the completeness rule must raise an alert for it
      body: JSON.stringify({
        externalId,
        catalogCode: jianye.entryCode,
        title: `关于某建设项目环境影响报告书审批意见的公告 ${externalId}`,
        formedAt: '2026-11-02T09:00:00+08:00',
        publishedAt: '2026-11-03T09:30:00+08:00',
        channels: ['website', 'open_platform'],
        indexNo: `${jianye.orgCode}/2026-00017`,
        summary: '批复某建设项目环境影响报告书。',
        body: '经审查，同意该项目按报告书所列性质、规模、地点建设。',
        url: 'https://www.example.gov.cn/hbj/2026/11/17.html',
      }),
    }),
  );
  const body = (await response.json()) as { id: number };
  return { status: response.status, id: body.id, ms: performance.now() - started };
}

async function unresolvedCompletenessAlerts(itemIds: number[]): Promise<number> {
  const [row] = await harness.sql<{ n: number }[]>`
    select count(*)::int as n from alerts
    where rule_kind = 'completeness' and state <> 'resolved' and item_id = any(${itemIds}::bigint[])`;
  return row!.n;
}

beforeAll(async () => {
  redis = await startPrivateRedis();
  process.env.REDIS_URL = redis.url;
  harness = await openWorkerProcessHarness('owedwork');
  POST = (await import('../app/api/v1/items/route')).POST;
  const { createApiKey } = await import('../lib/auth/api-keys');
  fixture = await harness.createFixture();
  apiKey = (await createApiKey(harness.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  await harness.moveClock(shanghai('2026-11-03T10:00:00'));
}, 90_000);

afterAll(async () => {
  await harness?.close();
  await redis?.close();
}, 60_000);

describe('owed work survives Redis', () => {
  it('checks an item accepted while Redis was down once Redis is back, and the ingest answered at once', async () => {
    const workers = await harness.startWorkers();
    await redis.stop();
    const accepted = await postIncomplete('while-redis-down');
    expect(accepted.status).toBe(201);
    // the producer no longer waits on Redis: the item and its owed check are one commit in Postgres
    expect(accepted.ms).toBeLessThan(1_000);
    expect(await unresolvedCompletenessAlerts([accepted.id])).toBe(0);

    await redis.start();
    await expect.poll(() => unresolvedCompletenessAlerts([accepted.id]), { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await harness.sql`select 1 from owed_jobs where key = ${`check-item-${accepted.id}`}`).length, { timeout: 10_000 }).toBe(0);
    await workers.stop();
  }, 60_000);

  it('checks every item whose queued check Redis forgot in a restart without persistence, each once', async () => {
    // a worker process without a check worker: its relay moves the owed checks into Redis, where they wait
    const relayOnly = await harness.startWorkers(['maintenance']);
    const accepted = [];
    for (let i = 0; i < 20; i += 1) accepted.push(await postIncomplete(`forgotten-${i}`));
    expect(accepted.every((answer) => answer.status === 201)).toBe(true);
    const ids = accepted.map((answer) => answer.id);
    const unsent = async () =>
      (await harness.sql`select 1 from owed_jobs where key = any(${ids.map((id) => `check-item-${id}`)}) and sent_at is null`).length;
    await expect.poll(unsent, { timeout: 10_000 }).toBe(0);

    await redis.restartEmpty();
    await harness.startWorkers(['check']);
    await expect.poll(() => unresolvedCompletenessAlerts(ids), { timeout: 30_000 }).toBe(ids.length);
    const [counts] = await harness.sql<{ alerts: number; items: number }[]>`
      select count(*)::int as alerts, count(distinct item_id)::int as items from alerts
      where rule_kind = 'completeness' and item_id = any(${ids}::bigint[])`;
    expect(counts).toEqual({ alerts: 20, items: 20 });
    await relayOnly.stop();
  }, 90_000);
});
