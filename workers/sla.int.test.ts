// The complaint SLA end to end: a complaint not dispatched in time turns yellow then orange in a real `sla`
// worker process as the shared clock moves, the alert reaches the county's socket, and dispatching (派单)
// resolves it live. Runs in a database and Redis prefix of its own, because its worker sweeps every complaint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../lib/auth/scope';
import type { ComplaintUpdatePayload } from '../lib/realtime/events';
import { watchCompletedJobs, type CompletedJobs } from '../lib/testing/completed-jobs';
import type { EngineFixture } from '../lib/testing/engine-fixture';
import { waitUntil } from '../lib/testing/wait-until';
import { openWorkerProcessHarness, type WorkerProcessHarness } from '../lib/testing/worker-process-harness';

const shanghai = (local: string) => new Date(`${local}+08:00`);

let harness: WorkerProcessHarness;
let fixture: EngineFixture;
let handler: Scope;
let passes: CompletedJobs;
let lib: {
  now: typeof import('../lib/clock').now;
  fileComplaint: typeof import('../lib/complaints/file-complaint').fileComplaint;
  actOnComplaint: typeof import('../lib/complaints/act-on-complaint').actOnComplaint;
  publishComplaintChange: typeof import('../lib/complaints/publish-complaint-change').publishComplaintChange;
  emitter: import('../lib/realtime/emit').RealtimeEmitter;
};

beforeAll(async () => {
  harness = await openWorkerProcessHarness('sla');
  const [clock, filing, acting, publishing, emit, jobs, queues] = await Promise.all([
    import('../lib/clock'),
    import('../lib/complaints/file-complaint'),
    import('../lib/complaints/act-on-complaint'),
    import('../lib/complaints/publish-complaint-change'),
    import('../lib/realtime/emit'),
    import('../lib/jobs/define-job'),
    import('../lib/jobs/queues'),
  ]);
  lib = {
    now: clock.now,
    fileComplaint: filing.fileComplaint,
    actOnComplaint: acting.actOnComplaint,
    publishComplaintChange: publishing.publishComplaintChange,
    emitter: emit.createEmitter(harness.createRedis()),
  };
  fixture = await harness.createFixture();
  const [user] = await harness.sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, created_at, updated_at)
    values ('handler-jy', '投诉处理人', 'not-a-login-account', 'handler', '320105', ${shanghai('2026-11-01T00:00:00')},
      ${shanghai('2026-11-01T00:00:00')}) returning id`;
  handler = { userId: user!.id, username: 'handler-jy', role: 'handler', regionCode: '320105', regionPath: '320000.320100.320105', departmentId: null };
  await harness.moveClock(shanghai('2026-11-02T10:00:00'));
  await harness.startWorkers(['sla']);
  await harness.startSocketServer();
  passes = await watchCompletedJobs(queues.SLA_QUEUE, harness.createRedis(), jobs.bullmqPrefix());
}, 90_000);

afterAll(async () => {
  await passes?.close();
  await harness?.close();
}, 60_000);

describe('complaint SLA worker', () => {
  it('raises an alert when a complaint is not dispatched in time, and dispatching resolves it', async () => {
    const county = await harness.connect(fixture.tokens.jianye);
    const far = await harness.connect(fixture.tokens.binhu);
    const updates: ComplaintUpdatePayload[] = [];
    county.socket.on('complaint:updated', (update) => updates.push(update));

    const filed = await lib.fileComplaint(
      harness.sql,
      null,
      { channel: 'online', content: '区生态环境局的环评批复至今没有公开，请督促。', phone: '13812345678', name: '张三', departmentId: fixture.jianye.departmentId },
      lib.now(),
    );
    if (!filed.ok) throw new Error(filed.message);
    const [row] = await harness.sql<{ next_check_at: Date; level: string }[]>`select next_check_at, level from complaints where id = ${filed.id}`;
    expect(row).toEqual({ next_check_at: shanghai('2026-11-03T00:00:00'), level: 'none' });

    // shortly before the dispatch day: nothing, after two passes of the sla worker have looked (the moved clock
    // keeps running, so it stops a minute before: room for a 10 s wait on a loaded machine)
    await harness.moveClock(shanghai('2026-11-02T23:59:00'));
    await passes.waitFor(2, Date.now(), 'two sla passes a minute before the dispatch day');
    expect(await harness.sql`select next_check_at, level from complaints where id = ${filed.id}`).toEqual([row]);
    expect(county.received).toEqual([]);

    // the dispatch day (the due day) begins: yellow (临期)
    await harness.moveClock(shanghai('2026-11-03T00:00:01'));
    await waitUntil(() => county.received.some((r) => r.event === 'alert:opened'), 'the yellow alert', 10_000);
    const opened = county.received.find((r) => r.event === 'alert:opened')!.alert;
    expect(opened).toMatchObject({
      level: 'yellow',
      state: 'open',
      rule: { kind: 'complaint_sla' },
      subject: { type: 'complaint', id: filed.id },
      complaintId: filed.id,
      departmentId: fixture.jianye.departmentId,
      message: `派单临期：投诉件 ${filed.trackingCode} 应于 2026-11-03 前派单`,
    });

    // the due day passed: orange (超期)
    await harness.moveClock(shanghai('2026-11-04T00:00:01'));
    await waitUntil(() => county.received.some((r) => r.event === 'alert:updated' && r.alert.level === 'orange'), 'the orange alert', 10_000);
    expect(county.received.at(-1)!.alert.message).toBe(`派单超期：投诉件 ${filed.trackingCode} 应于 2026-11-03 前派单`);
    await waitUntil(() => updates.some((u) => u.complaint.level === 'orange'), 'the complaint update', 10_000);
    expect(far.received).toEqual([]);

    // 派单 resolves it (the sign-for clock starts afresh)
    const assigned = await lib.actOnComplaint(harness.sql, handler, filed.id, { action: 'assign', departmentId: fixture.jianye.departmentId }, lib.now());
    if (!assigned.ok) throw new Error(assigned.message);
    await lib.publishComplaintChange(harness.sql, lib.emitter, assigned.id, assigned.events, assigned.changes);
    await waitUntil(() => county.received.some((r) => r.alert.state === 'resolved'), 'the resolved alert', 10_000);
    expect(county.received.at(-1)!.alert).toMatchObject({ state: 'resolved', resolution: 'auto', id: opened.id });
    await waitUntil(() => updates.some((u) => u.complaint.state === 'assigned'), 'the assigned complaint', 10_000);

    // no personal data in any socket payload
    const payloads = JSON.stringify([updates, county.received]);
    expect(payloads).not.toContain('13812345678');
    expect(payloads).not.toContain('张三');
    const [after] = await harness.sql<{ level: string; state: string }[]>`select level, state from complaints where id = ${filed.id}`;
    expect(after).toEqual({ level: 'none', state: 'assigned' });
  });
});
