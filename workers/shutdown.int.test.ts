// SIGTERM on a worker process (issue 12 item 3): it finishes the jobs it holds, the check worker's batches
// among them, and exits with code 0 within 10 s; what it had not taken is checked by the next process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import type { RunningProcess } from '../lib/testing/processes';
import type { WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const STOP_DEADLINE_MS = 10_000;
const ITEMS = 300;

let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let POST: typeof import('../app/api/v1/items/route').POST;
let apiKey: string;

beforeAll(async () => {
  const { openWorkerProcessHarness } = await import('../lib/testing/worker-process-harness');
  harness = await openWorkerProcessHarness('shutdown');
  const [route, apiKeys] = await Promise.all([import('../app/api/v1/items/route'), import('../lib/auth/api-keys')]);
  POST = route.POST;
  fixture = await harness.createFixture();
  apiKey = (await apiKeys.createApiKey(harness.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  await harness.moveClock(new Date('2026-11-03T10:00:00+08:00'));
}, 90_000);

afterAll(() => harness?.close(), 60_000);

/** Sends SIGTERM and resolves with how the process ended and how long it took. */
function terminate(workers: RunningProcess): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const sent = Date.now();
  const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) => {
    workers.child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - sent }));
  });
  workers.child.kill('SIGTERM');
  return exited;
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countCompletenessAlerts = async () => {
  const [row] = await harness.sql<{ alerts: number; items: number }[]>`
    select count(*)::int as alerts, count(distinct a.item_id)::int as items
    from alerts a join items i on i.id = a.item_id
    where a.rule_kind = 'completeness' and i.external_id like 'shutdown-%'`;
  return row!;
};

describe('SIGTERM on a worker process', () => {
  it('finishes the checks it holds and exits 0 within 10 s; the next process checks the rest, each once', async () => {
    const { jianye } = fixture;
    // ingested while no worker runs: their checks wait in the queue
    for (let n = 0; n < ITEMS; n += 1) {
      const response = await POST(
        new Request('http://127.0.0.1/api/v1/items', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({
            externalId: `shutdown-${n}`,
            catalogCode: jianye.entryCode,
            title: `关于第 ${n} 号建设项目环境影响报告书审批意见的公告`,
            formedAt: '2026-11-02T09:00:00+08:00',
            publishedAt: '2026-11-03T09:30:00+08:00',
            channels: ['website', 'open_platform'],
            indexNo: `${jianye.orgCode}/2026-${n}`,
            publisher: jianye.name,
            // no summary: each check opens a completeness alert
            body: '经审查，同意该项目按报告书所列性质、规模、地点建设。',
          }),
        }),
      );
      expect(response.status).toBe(201);
    }

    const first = await harness.startWorkers(['check']);
    // stop it as soon as the first batch has committed, while the next ones are being checked
    const atSignal = await poll(countCompletenessAlerts, (count) => count.alerts > 0, 'the first checks');
    const stopped = await terminate(first);
    expect(stopped, first.output()).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(STOP_DEADLINE_MS);
    expect(first.output()).toContain('workers stopped');
    // it held up to 64 jobs (two batches) at the signal, and checked them before leaving
    expect((await countCompletenessAlerts()).items).toBeGreaterThan(atSignal.items);

    // nothing it had taken was left half-done (an active job would be handed on as stalled, later)
    const { getQueue } = await import('../lib/jobs/producer');
    const queue = getQueue('check');
    expect(await queue.getJobCounts('active', 'failed')).toEqual({ active: 0, failed: 0 });

    await harness.startWorkers(['check']);
    const all = await poll(countCompletenessAlerts, (count) => count.items === ITEMS, `${ITEMS} checked items`, 30_000);
    expect(all.alerts).toBe(ITEMS);
  });

  it('stops a process running every queue, schedules included, within 10 s with exit code 0', async () => {
    const workers = await harness.startWorkers();
    // let every scheduler fire at least once
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const stopped = await terminate(workers);
    expect(stopped, workers.output()).toMatchObject({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(STOP_DEADLINE_MS);
  });
});
