// Scoring with real worker processes: an overdue item published late lowers its department's month score,
// and the change is pushed as score:updated to the county's room. Own database and Redis prefix, because the
// workers sweep and score every department they find.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jianyeItem, type EngineFixture } from '../lib/testing/engine-fixture';
import { waitUntil } from '../lib/testing/wait-until';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const shanghai = (local: string) => new Date(`${local}+08:00`);

let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let POST: typeof import('../app/api/v1/items/route').POST;
let apiKey: string;

async function post(externalId: string, overrides: Record<string, unknown> = {}): Promise<Response> {
  return POST(
    new Request('http://127.0.0.1/api/v1/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(
        jianyeItem(fixture, externalId, { title: `环评审批公告 ${externalId}`, indexNo: `${fixture.jianye.orgCode}/2026-000${externalId.slice(-2)}`, body: '经审查，同意该项目建设。', ...overrides }),
      ),
    }),
  );
}

async function novemberTotal(): Promise<{ total: string | null; breakdown: { losses: { ref: { itemId: number; label: string } }[] } } | undefined> {
  const [row] = await harness.sql<{ total: string | null; breakdown: { losses: { ref: { itemId: number; label: string } }[] } }[]>`
    select total, breakdown from scores
    where subject_type = 'department' and department_id = ${fixture.jianye.departmentId} and period = '2026-11'`;
  return row;
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  harness = await openWorkerProcessHarness('score');
  const [route, apiKeys] = await Promise.all([import('../app/api/v1/items/route'), import('../lib/auth/api-keys')]);
  POST = route.POST;
  fixture = await harness.createFixture();
  apiKey = (await apiKeys.createApiKey(harness.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  await harness.moveClock(shanghai('2026-11-03T10:00:00'));
  await harness.startWorkers(['check', 'sweep', 'score']);
  await harness.startSocketServer();
}, 90_000);

afterAll(() => harness?.close(), 60_000);

describe('score worker', () => {
  it('lowers the department’s score when an overdue item is published late, and pushes score:updated', async () => {
    const client = await harness.connect(fixture.tokens.jianye);
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
      await waitUntil(() => updates.some((u) => u.period === '2026-11' && u.total === 100), 'score:updated 100', 15_000);

      // due 2026-11-30 24:00 (DESIGN §1's worked example); published on 12-03: fulfilled late
      await harness.moveClock(shanghai('2026-12-03T10:00:00'));
      expect((await post('late-16', { publishedAt: '2026-12-03T09:00:00+08:00' })).status).toBe(200);
      // timeliness 5 of 6 on time carries the whole weight (completeness has 5 November cases too):
      // 100 × (30 × 5/6 + 20 × 5/5) / 50 = 90
      const after = await waitFor(
        novemberTotal,
        (row) => Number(row?.total) === 90 && (row?.breakdown.losses ?? []).some((l) => l.ref.label.includes('才公开')),
        'November lowered by the late publication',
      );
      const [item] = await harness.sql<{ id: number }[]>`select id from items where external_id = 'late-16'`;
      expect(after!.breakdown.losses.map((l) => l.ref.itemId)).toContain(item!.id);
      await waitUntil(
        () => updates.some((u) => u.period === '2026-11' && u.total === 90 && u.departmentId === fixture.jianye.departmentId),
        'score:updated 90',
        15_000,
      );
    } finally {
      client.close();
    }
  }, 90_000);
});
