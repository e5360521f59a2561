// The report worker catches up: started on a database whose last month has no reports, it builds them (leaving
// one that exists alone), and started again it builds nothing, so November's reports are there on 1 December
// even if the machine was down on the 1st. Own database and Redis prefix: the worker reports on every region.
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const shanghai = (local: string) => new Date(`${local}+08:00`);
// the engine fixture's regions, every one with a department in its subtree
const REGIONS = ['320000', '320100', '320105', '320200', '320211'];

let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let queue: Queue;

interface ReportRow {
  id: number;
  regionCode: string;
  builtBy: string;
  builtAt: Date;
}

const octoberReports = () =>
  harness.sql<ReportRow[]>`
    select id, region_code as "regionCode", built_by as "builtBy", built_at as "builtAt"
    from reports where period = '2026-10' order by region_code`;

/** Waits until the report queue holds no job to run: the catch-up queued at start is done. */
async function waitForIdleQueue(): Promise<void> {
  const started = Date.now();
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() - started > 90_000) throw new Error(`report queue still busy: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  harness = await openWorkerProcessHarness('report');
  const [{ buildReports }, { insertObligation }, { createQueue }, { REPORT_QUEUE }] = await Promise.all([
    import('../lib/reports/build-reports'),
    import('../lib/scoring/store/test-fixtures'),
    import('../lib/jobs/define-job'),
    import('../lib/jobs/queues'),
  ]);
  fixture = await harness.createFixture();
  queue = createQueue(REPORT_QUEUE, harness.createRedis());
  const [entry] = await harness.sql<{ id: number }[]>`select id from catalog_entries where code = ${fixture.jianye.entryCode}`;
  await insertObligation(harness.sql, { entryId: entry!.id, departmentId: fixture.jianye.departmentId, regionCode: '320105', dueDay: '2026-10-20' });
  // one region's October report was built on demand before the machine went down
  await buildReports(harness.sql, { regionCodes: ['320105'], period: '2026-10', at: shanghai('2026-11-01T09:00:00'), actor: 'test' });
  await harness.moveClock(shanghai('2026-11-03T10:00:00'));
}, 90_000);

afterAll(async () => {
  await queue?.close();
  await harness?.close();
}, 60_000);

describe('report worker', () => {
  it('builds last month’s missing reports on start, once, and nothing more when started again', async () => {
    const first = await harness.startWorkers(['report']);
    await waitForIdleQueue();
    const built = await octoberReports();
    expect(built.map((row) => row.regionCode)).toEqual(REGIONS);
    for (const row of built) expect(row.builtBy, row.regionCode).toBe(row.regionCode === '320105' ? 'test' : 'system');
    expect(first.output()).not.toMatch(/job failed/);
    await first.stop();

    const second = await harness.startWorkers(['report']);
    await waitForIdleQueue();
    expect(await octoberReports()).toEqual(built);
    expect(second.output()).not.toMatch(/job failed/);
    // only the complete month: the running one has no report yet
    const [running] = await harness.sql<{ n: number }[]>`select count(*)::int as n from reports where period = '2026-11'`;
    expect(running!.n).toBe(0);
  }, 180_000);
});
