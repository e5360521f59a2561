// Worker processes and the socket.io adapter under a Redis and a Postgres of this file's own (never the
// machine's shared ones: STACK.md pitfall 12), stopped and restarted under them (issue 12 item 2): the
// processes stay up, take work again once the dependency is back, the sweep catches up on what came due
// meanwhile, each alert once, and once Redis is back the socket server ends its sockets so that browsers
// reconnect and catch up on the pushes it could not hear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from '../lib/testing/private-services';
import type { RecordingClient } from '../lib/testing/socket-harness';
import { waitUntil } from '../lib/testing/wait-until';
import type { WorkerProcessHarness } from '../lib/testing/worker-process-harness';
import type { RunningProcess } from '../lib/testing/processes';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: PrivateRedis;
let pg: PrivatePostgres;
let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let workers: RunningProcess;
let county: RecordingClient;
let POST: typeof import('../app/api/v1/items/route').POST;
let apiKey: string;

function payload(externalId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { jianye } = fixture;
  return {
    externalId,
    catalogCode: jianye.entryCode,
    title: '关于某建设项目环境影响报告书审批意见的公告',
    formedAt: '2026-11-02T09:00:00+08:00',
    channels: ['website', 'open_platform'],
    indexNo: `${jianye.orgCode}/2026-00017`,
    publisher: jianye.name,
    summary: '批复某建设项目环境影响报告书。',
    body: '经审查，同意该项目按报告书所列性质、规模、地点建设。',
    ...overrides,
  };
}

async function post(externalId: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const response = await POST(
    new Request('http://127.0.0.1/api/v1/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(payload(externalId, overrides)),
    }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

// published without its summary: the check opens a completeness alert at once
const INCOMPLETE = { publishedAt: '2026-11-03T09:30:00+08:00', summary: undefined };
const incomplete = (externalId: string) => post(externalId, INCOMPLETE);

const alertsOfItem = (itemId: number, kind: string) =>
  county.received.filter((r) => r.alert.itemId === itemId && r.alert.rule.kind === kind);

/** How the county's socket ends: the server ends sockets whose pushes it may have missed. */
function socketEnded(): Promise<string> {
  return new Promise((resolve) => county.socket.once('disconnect', (reason) => resolve(reason)));
}

const deadlineAlertRows = (itemId: number) =>
  harness.sql<{ level: string; opened: number }[]>`
    select a.level, (select count(*)::int from alert_events e where e.alert_id = a.id and e.kind = 'opened') as opened
    from alerts a where a.item_id = ${itemId} and a.rule_kind = 'deadline'`.then((rows) => [...rows]);

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function expectRunning(process: RunningProcess): void {
  expect(process.child.exitCode, process.output()).toBeNull();
  expect(process.child.signalCode, process.output()).toBeNull();
}

beforeAll(async () => {
  [redis, pg] = await Promise.all([startPrivateRedis(), startPrivatePostgres()]);
  // read by the harness's test database and by every module of this process and of the worker processes
  Object.assign(process.env, {
    REDIS_URL: redis.url,
    TEST_DATABASE_ADMIN_URL: pg.adminUrl(),
    TEST_DATABASE_URL: pg.appUrl('postgres'),
  });
  const { openWorkerProcessHarness } = await import('../lib/testing/worker-process-harness');
  harness = await openWorkerProcessHarness('recovery');
  const [route, apiKeys] = await Promise.all([import('../app/api/v1/items/route'), import('../lib/auth/api-keys')]);
  POST = route.POST;
  fixture = await harness.createFixture();
  apiKey = (await apiKeys.createApiKey(harness.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  await harness.moveClock(shanghai('2026-11-03T10:00:00'));
  workers = await harness.startWorkers(['check', 'sweep', 'sla']);
  await harness.startSocketServer();
  county = await harness.connect(fixture.tokens.jianye);
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await Promise.all([redis?.close(), pg?.close()]);
}, 60_000);

describe('when Postgres goes away', () => {
  it('the worker process stays up and checks the next item once Postgres is back', async () => {
    await pg.stop();
    // the sweep fails a pass every second meanwhile
    await sleep(2_500);
    expectRunning(workers);
    await pg.start();

    const after = await incomplete('after-postgres-restart');
    await waitUntil(() => alertsOfItem(after, 'completeness').length === 1, 'the alert of an item ingested after the restart');
    expectRunning(workers);
  });

  it('a check job that runs while Postgres is away waits for it instead of spending its attempts', async () => {
    const [{ owedItemCheck }, { getQueue }] = await Promise.all([import('../lib/items/check-job'), import('../lib/jobs/producer')]);
    const itemId = await incomplete('checked-again-during-outage');
    await waitUntil(() => alertsOfItem(itemId, 'completeness').length === 1, 'the first check');

    // a check the relay sent just before Postgres went away, with the options the relay sends it with
    await pg.stop();
    const check = owedItemCheck({ itemId, version: 1 });
    const queue = getQueue(check.queue);
    const jobId = `outage-check-${itemId}`;
    await queue.add(check.name, check.payload, { ...check.options, jobId, removeOnComplete: false });
    // longer than its attempts would take (5, backing off from 200 ms: about 3 s)
    await sleep(5_000);
    expect(await queue.getJobState(jobId)).not.toBe('failed');
    await pg.start();

    await poll(() => queue.getJobState(jobId), (state) => state === 'completed', 'the check job to complete once Postgres is back');
    expectRunning(workers);
  });
});

describe('the sweep catches up', () => {
  it('on thresholds crossed while Postgres was away: one alert, at the level it has reached', async () => {
    await harness.moveClock(shanghai('2026-11-03T11:00:00'));
    const itemId = await post('late-while-postgres-away');
    await harness.moveClock(shanghai('2026-11-25T23:00:00'));
    await sleep(1_500);
    expect(alertsOfItem(itemId, 'deadline')).toEqual([]);

    await pg.stop();
    // past yellow (11-26 00:00) and orange (12-01 00:00) while no sweep can run
    await harness.moveClock(shanghai('2026-12-01T00:00:30'));
    await sleep(2_500);
    expect(alertsOfItem(itemId, 'deadline')).toEqual([]);
    await pg.start();

    await waitUntil(() => alertsOfItem(itemId, 'deadline').length > 0, 'the deadline alert after Postgres returned');
    await sleep(2_000);
    const pushed = alertsOfItem(itemId, 'deadline');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ event: 'alert:opened', alert: { level: 'orange', state: 'open' } });
    const rows = await harness.sql<{ n: number }[]>`
      select count(*)::int as n from alerts where item_id = ${itemId} and rule_kind = 'deadline'`;
    expect(rows[0]!.n).toBe(1);
  });

  it('on a complaint SLA threshold crossed while Postgres was away: one alert', async () => {
    const [{ fileComplaint }, { now }] = await Promise.all([import('../lib/complaints/file-complaint'), import('../lib/clock')]);
    const filed = await fileComplaint(
      harness.sql,
      null,
      { channel: 'online', content: '环评批复至今没有公开，请督促。', phone: '13812345678', name: '张三', departmentId: fixture.jianye.departmentId },
      now(),
    );
    if (!filed.ok) throw new Error(filed.message);
    const slaAlerts = () => county.received.filter((r) => r.alert.complaintId === filed.id);
    // its first threshold: yellow when the dispatch day begins
    const [row] = await harness.sql<{ next_check_at: Date }[]>`select next_check_at from complaints where id = ${filed.id}`;
    const yellowAt = row!.next_check_at.getTime();

    await pg.stop();
    await harness.moveClock(new Date(yellowAt + 30_000));
    await sleep(2_500);
    expect(slaAlerts()).toEqual([]);
    await pg.start();

    await waitUntil(() => slaAlerts().length > 0, 'the complaint SLA alert after Postgres returned');
    await sleep(2_000);
    expect(slaAlerts()).toHaveLength(1);
    expect(slaAlerts()[0]).toMatchObject({ event: 'alert:opened', alert: { level: 'yellow', rule: { kind: 'complaint_sla' } } });
  });

  it('on a threshold crossed while Redis was away, once Redis is back empty', async () => {
    await harness.moveClock(shanghai('2026-11-04T10:00:00'));
    const itemId = await post('late-while-redis-away', { formedAt: '2026-11-03T09:00:00+08:00' });
    // yellow of an item formed 11-03 09:00: 2026-11-27 00:00; the clock runs on from 4 s before it
    await harness.moveClock(shanghai('2026-11-26T23:59:56'));
    const ended = socketEnded();
    await redis.stop();
    await sleep(6_000);
    expect(await deadlineAlertRows(itemId)).toEqual([]);
    // empty: the clock's offset (kept by every process) and the sweep's schedule (upserted again by the
    // worker when its connection comes back) must not depend on what Redis held
    await redis.start();

    // the socket server ends its sockets once it hears pushes again; the browser reconnects and catches up
    expect(await ended).toBe('transport close');
    county = await harness.connect(fixture.tokens.jianye);
    await poll(() => deadlineAlertRows(itemId), (rows) => rows.length > 0, 'the deadline alert after Redis returned');
    await sleep(2_000);
    const rows = await deadlineAlertRows(itemId);
    expect(rows).toEqual([{ level: 'yellow', opened: 1 }]);
    const synced = await county.socket.emitWithAck('alerts:sync', { afterSeq: 0 });
    expect(synced.alerts.filter((alert) => alert.itemId === itemId && alert.rule.kind === 'deadline')).toMatchObject([
      { level: 'yellow', state: 'open' },
    ]);
    expectRunning(workers);
  });
});

describe('when Redis goes away', () => {
  it('the worker process stays up, checks the next item once Redis is back empty, and its alert reaches a socket', async () => {
    const before = await incomplete('before-redis-restart');
    await waitUntil(() => alertsOfItem(before, 'completeness').length === 1, 'the first alert');

    const ended = socketEnded();
    await redis.stop();
    await sleep(2_000);
    expectRunning(workers);
    await redis.start();
    expect(await ended).toBe('transport close');
    county = await harness.connect(fixture.tokens.jianye);

    // the restarted Redis is empty: this job, the worker's fetch and the push all run on new connections,
    // and the push reaches the socket only because the adapter has subscribed again
    const after = await incomplete('after-redis-restart');
    await waitUntil(() => alertsOfItem(after, 'completeness').length === 1, 'the alert of an item ingested after the restart');
    expectRunning(workers);
  });
});
