// The supervision engine end to end: ingest → check worker process → alerts → socket.io rooms; the sweep
// process crossing deadline thresholds as the shared clock moves; duplicate deliveries; reconnect sync.
// This file runs in a database and Redis prefix of its own, because its workers sweep every open obligation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCompletedJobs, type CompletedJobs } from '../lib/testing/completed-jobs';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import type { RecordingClient } from '../lib/testing/socket-harness';
import { waitUntil } from '../lib/testing/wait-until';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const shanghai = (local: string) => new Date(`${local}+08:00`);
// the worked example moves the shared clock six weeks while one socket listens, and a socket ends with its
// session: the fixture's sessions last 90 days here (read when the harness loads the application's modules)
process.env.SESSION_TTL_HOURS = String(90 * 24);

let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let lib: {
  POST: typeof import('../app/api/v1/items/route').POST;
  createApiKey: typeof import('../lib/auth/api-keys').createApiKey;
  acknowledgeAlert: typeof import('../lib/alerts/acknowledge-alert').acknowledgeAlert;
  scopeOf: typeof import('../lib/auth/scope').scopeOf;
};
let apiKey: string;
let sweeps: CompletedJobs;

async function post(payload: Record<string, unknown>): Promise<Response> {
  return lib.POST(
    new Request('http://127.0.0.1/api/v1/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(payload),
    }),
  );
}

function payload(externalId: string, overrides: Record<string, unknown> = {}) {
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
    url: 'https://www.example.gov.cn/hbj/2026/11/17.html',
    ...overrides,
  };
}

beforeAll(async () => {
  harness = await openWorkerProcessHarness('engine');
  const [route, apiKeys, ack, scope, jobs, queues] = await Promise.all([
    import('../app/api/v1/items/route'),
    import('../lib/auth/api-keys'),
    import('../lib/alerts/acknowledge-alert'),
    import('../lib/auth/scope'),
    import('../lib/jobs/define-job'),
    import('../lib/jobs/queues'),
  ]);
  lib = { POST: route.POST, createApiKey: apiKeys.createApiKey, acknowledgeAlert: ack.acknowledgeAlert, scopeOf: scope.scopeOf };
  fixture = await harness.createFixture();
  apiKey = (await lib.createApiKey(harness.sql, { departmentId: fixture.jianye.departmentId, createdBy: 'test' })).key;
  await harness.moveClock(shanghai('2026-11-03T10:00:00'));
  await harness.startWorkers();
  await harness.startSocketServer();
  sweeps = await watchCompletedJobs(queues.SWEEP_QUEUE, harness.createRedis(), jobs.bullmqPrefix());
}, 90_000);

afterAll(async () => {
  await sweeps?.close();
  await harness?.close();
}, 60_000);

describe('supervision engine', () => {
  it('refuses a socket without a live session', async () => {
    await expect(harness.connect(null)).rejects.toThrow(/unauthenticated/);
    await expect(harness.connect('forged-token')).rejects.toThrow(/unauthenticated/);
  });

  it('pushes an incomplete item to its county and the province, not to another county, and resolves on the fix', async () => {
    const [county, province, otherCounty] = await Promise.all([
      harness.connect(fixture.tokens.jianye),
      harness.connect(fixture.tokens.province),
      harness.connect(fixture.tokens.binhu),
    ]);
    const incomplete = payload('incomplete-1', {
      publishedAt: '2026-11-03T09:30:00+08:00',
      summary: undefined,
      indexNo: 'JY-17',
      channels: ['website'],
    });
    expect((await post(incomplete)).status).toBe(201);

    const opened = (client: RecordingClient) => client.received.filter((r) => r.event === 'alert:opened');
    await waitUntil(() => opened(county).length === 2 && opened(province).length === 2, 'two alerts on both sockets', 10_000);
    const kinds = opened(county).map((r) => r.alert.rule.kind).sort();
    expect(kinds).toEqual(['channel', 'completeness']);
    const completeness = opened(county).find((r) => r.alert.rule.kind === 'completeness')!.alert;
    expect(completeness.level).toBe('orange');
    expect(completeness.message).toMatch(/内容概述/);
    expect(completeness.message).toMatch(/索引号/);
    expect(opened(county).find((r) => r.alert.rule.kind === 'channel')!.alert.message).toMatch(/政府信息公开平台/);

    const fixed = { ...payload('incomplete-1'), publishedAt: '2026-11-03T09:30:00+08:00' };
    expect((await post(fixed)).status).toBe(200);
    const resolved = (client: RecordingClient) =>
      client.received.filter((r) => r.event === 'alert:updated' && r.alert.state === 'resolved');
    await waitUntil(() => resolved(county).length === 2 && resolved(province).length === 2, 'both resolved', 10_000);
    expect(resolved(county).every((r) => r.alert.resolution === 'auto')).toBe(true);
    expect(otherCounty.received).toEqual([]);
  });

  it('crosses yellow, orange and red at the worked example’s instants, each pushed once', async () => {
    const county = await harness.connect(fixture.tokens.jianye);
    await harness.moveClock(shanghai('2026-11-02T12:00:00'));
    expect((await post(payload('late-1', { externalId: 'late-1' }))).status).toBe(201);
    const deadline = () => county.received.filter((r) => r.alert.rule.kind === 'deadline');
    const obligationRow = async () =>
      (await harness.sql<{ level: string; next_check_at: Date | null }[]>`
        select o.level, o.next_check_at from obligations o join items i on i.id = o.item_id where i.external_id = 'late-1'`)[0];
    // the check job opens the obligation, due 2026-11-30 24:00, with its first threshold
    await expect.poll(obligationRow, { timeout: 10_000 }).toEqual({ level: 'none', next_check_at: shanghai('2026-11-26T00:00:00') });
    // The moved clock keeps running, so it stops a minute before the threshold: room for a 10 s wait on a
    // loaded machine. next_check_at pins the threshold's instant; two sweep passes since the move prove the
    // sweep looked and left the obligation alone.
    const beforeThreshold = async (threshold: string, level: string) => {
      await harness.moveClock(new Date(shanghai(threshold).getTime() - 60_000));
      await sweeps.waitFor(2, Date.now(), `two sweep passes a minute before ${threshold}`);
      expect(await obligationRow()).toEqual({ level, next_check_at: shanghai(threshold) });
    };

    await beforeThreshold('2026-11-26T00:00:00', 'none');
    expect(deadline()).toEqual([]);

    await harness.moveClock(shanghai('2026-11-26T00:00:00'));
    await waitUntil(() => deadline().length === 1, 'yellow', 10_000);
    expect(deadline()[0]).toMatchObject({ event: 'alert:opened', alert: { level: 'yellow', state: 'open' } });

    await beforeThreshold('2026-12-01T00:00:00', 'yellow');
    expect(deadline()).toHaveLength(1);

    await harness.moveClock(shanghai('2026-12-01T00:00:00'));
    await waitUntil(() => deadline().length === 2, 'orange', 10_000);
    expect(deadline()[1]).toMatchObject({ event: 'alert:updated', alert: { level: 'orange' } });

    await harness.moveClock(shanghai('2026-12-15T00:00:00'));
    await waitUntil(() => deadline().length === 3, 'red', 10_000);
    expect(deadline()[2]).toMatchObject({ event: 'alert:updated', alert: { level: 'red' } });
    const ids = new Set(deadline().map((r) => r.alert.id));
    expect(ids.size).toBe(1);

    // nothing more arrives past every threshold, however many passes the sweep makes
    await sweeps.waitFor(2, Date.now(), 'two sweep passes past every threshold');
    expect(await obligationRow()).toEqual({ level: 'red', next_check_at: null });
    expect(deadline()).toHaveLength(3);

    // publishing late fulfils the obligation late and resolves the alert
    await harness.moveClock(shanghai('2026-12-16T10:00:00'));
    expect((await post(payload('late-1', { publishedAt: '2026-12-16T09:00:00+08:00' }))).status).toBe(200);
    await waitUntil(() => deadline().length === 4, 'resolved', 10_000);
    expect(deadline()[3]!.alert.state).toBe('resolved');
    const [obligation] = await harness.sql<{ state: string; is_late: boolean }[]>`
      select o.state, o.is_late from obligations o join items i on i.id = o.item_id where i.external_id = 'late-1'`;
    expect(obligation).toEqual({ state: 'fulfilled', is_late: true });
  });

  it('opens exactly one alert when two worker processes get the same jobs twice', async () => {
    const second = await harness.startWorkers(['check']);
    try {
      await harness.moveClock(shanghai('2026-12-16T11:00:00'));
      const { ingestItem } = await import('../lib/items/ingest-item');
      const { findIngestDepartment } = await import('../lib/items/find-ingest-department');
      const department = (await findIngestDepartment(harness.sql, fixture.jianye.departmentId))!;
      const result = await ingestItem(harness.sql, {
        department,
        payload: payload('dup-1', { publishedAt: '2026-12-16T10:30:00+08:00', body: '' }),
        receivedAt: shanghai('2026-12-16T11:00:00'),
        actor: 'test',
      });
      expect(result.ok).toBe(true);
      const itemId = (result as { id: number }).id;
      const { getQueue } = await import('../lib/jobs/producer');
      const { checkItemJob } = await import('../lib/items/check-job');
      const queue = getQueue('check');
      // distinct job ids defeat BullMQ's own dedup: every delivery really runs, on either process
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => checkItemJob.enqueue(queue, { itemId, version: 1 }, { jobId: `dup-${itemId}-${i}` })),
      );
      const deadlineMs = Date.now() + 10_000;
      const pending = async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).reduce((sum, n) => sum + n, 0);
      };
      while ((await pending()) > 0 && Date.now() < deadlineMs) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await pending()).toBe(0);
      const alerts = await harness.sql<{ id: number; state: string }[]>`
        select id, state from alerts where subject_type = 'item' and subject_id = ${itemId} and rule_kind = 'completeness'`;
      expect(alerts).toHaveLength(1);
      const [events] = await harness.sql<{ n: number }[]>`
        select count(*)::int as n from alert_events where alert_id = ${alerts[0]!.id} and kind = 'opened'`;
      expect(events!.n).toBe(1);

      // the database refuses a second unresolved alert for the same rule kind and subject by itself
      const duplicate = harness.sql`
        insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, department_id, region_code,
          message, opened_at, updated_at)
        select rule_id, rule_kind, level, 'open', subject_type, subject_id, department_id, region_code, message,
          opened_at, updated_at from alerts where id = ${alerts[0]!.id}`;
      await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    } finally {
      await second.stop();
    }
  });

  it('catches a reconnecting client up on every change it missed through alerts:sync', async () => {
    // a session of its own, signed in now, as a browser that reconnects later
    const { createSession } = await import('../lib/auth/sessions');
    const [supervisor] = await harness.sql<{ id: number }[]>`select id from users where username = 'sup-jy'`;
    const { token } = await createSession(harness.sql, supervisor!);
    const client = await harness.connect(token);
    const [row] = await harness.sql<{ max: number }[]>`select coalesce(max(seq), 0)::int as max from alerts`;
    const max = row!.max;
    client.close();

    const [existing] = await harness.sql<{ id: number }[]>`
      select id from alerts where state = 'open' and region_code = '320105' order by seq limit 1`;
    for (const n of [1, 2, 3]) {
      expect((await post(payload(`away-${n}`, { publishedAt: '2026-12-16T10:30:00+08:00', publisher: '建邺区环保' }))).status).toBe(201);
    }
    const [user] = await harness.sql<{ id: number; username: string; role: 'supervisor'; regionCode: string; regionPath: string }[]>`
      select u.id, u.username, u.role, u.region_code as "regionCode", r.path as "regionPath"
      from users u join regions r on r.code = u.region_code where u.username = 'sup-jy'`;
    const scope = lib.scopeOf({ ...user!, departmentId: null });
    expect((await lib.acknowledgeAlert(harness.sql, scope, existing!.id, shanghai('2026-12-16T11:05:00'))).ok).toBe(true);
    const countNew = async () => {
      const [count] = await harness.sql<{ n: number }[]>`
        select count(*)::int as n from alerts a join items i on i.id = a.item_id where i.external_id like 'away-%'`;
      return count!.n;
    };
    await expect.poll(countNew, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(3);

    const back = await harness.connect(token);
    const response = await back.socket.emitWithAck('alerts:sync', { afterSeq: max });
    const seqs = response.alerts.map((alert) => alert.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(response.alerts.map((alert) => alert.id)).toContain(existing!.id);
    expect(response.alerts.find((alert) => alert.id === existing!.id)!.state).toBe('acknowledged');
    expect(response.alerts).toHaveLength(4);
  });
});
