// POST /api/v1/alerts/bulk end to end (without HTTP): each alert's events recorded as its single action records
// them, refusals per id with the rest applied, the contract's 400/403, one transaction, and the changes pushed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearTestAlert, createAlertWorld, openTestAlert, type AlertWorld } from '../../../../../lib/alerts/test-fixtures';
import { sql } from '../../../../../lib/db/sql';
import { connectClient, startSocketServer } from '../../../../../lib/testing/socket-harness';
import { waitUntil } from '../../../../../lib/testing/wait-until';
import { POST } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: AlertWorld;

beforeAll(async () => {
  world = await createAlertWorld(sql);
});

async function bulk(body: unknown, cookie = world.cookies.supervisor, origin = ORIGIN) {
  const response = await POST(
    new Request(`${ORIGIN}/api/v1/alerts/bulk`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

async function eventsOf(alertId: number) {
  return sql<{ kind: string; seq: number; actor: string; note: string | null }[]>`
    select kind, seq, actor, note from alert_events where alert_id = ${alertId} order by id`;
}

const stateOf = async (alertId: number) =>
  (await sql<{ state: string; seq: number; resolve_reason: string | null }[]>`select state, seq, resolve_reason from alerts where id = ${alertId}`)[0]!;

describe('POST /api/v1/alerts/bulk', () => {
  it('acknowledges every alert in scope, each with its own acknowledged event and seq', async () => {
    const ids = [await openTestAlert(sql, world), await openTestAlert(sql, world), await openTestAlert(sql, world, { department: world.otherDepartment })];
    const { status, body } = await bulk({ ids, action: 'ack' });
    expect(status).toBe(200);
    expect(body).toEqual({ applied: ids, refused: [] });
    const seqs = new Set<number>();
    for (const id of ids) {
      const alert = await stateOf(id);
      expect(alert.state).toBe('acknowledged');
      seqs.add(alert.seq);
      const events = await eventsOf(id);
      expect(events.map((e) => e.kind)).toEqual(['opened', 'acknowledged']);
      expect(events[1]).toMatchObject({ seq: alert.seq, actor: expect.stringMatching(/^supervisor-/) });
    }
    expect(seqs.size).toBe(3);
  });

  it('refuses per id the alerts out of scope, unknown or already resolved, and applies the rest', async () => {
    const mine = await openTestAlert(sql, world);
    const far = await openTestAlert(sql, world, { department: world.farDepartment });
    const resolved = await openTestAlert(sql, world);
    await clearTestAlert(sql, resolved, new Date());
    const { status, body } = await bulk({ ids: [mine, far, 999_999_999, resolved], action: 'resolve', reason: '已线下核实，属于例外' });
    expect(status).toBe(200);
    expect(body.applied).toEqual([mine]);
    expect(body.refused).toEqual([
      { id: far, code: 'forbidden', message: '该预警不在您的管辖范围内' },
      { id: 999_999_999, code: 'not_found', message: '预警不存在' },
      { id: resolved, code: 'conflict', message: '预警已解除' },
    ]);
    expect(await stateOf(mine)).toMatchObject({ state: 'resolved', resolve_reason: '已线下核实，属于例外' });
    expect((await eventsOf(mine)).map((e) => [e.kind, e.note])).toEqual([
      ['opened', '要素不全：缺少索引号'],
      ['resolved', '已线下核实，属于例外'],
    ]);
    expect((await eventsOf(far)).map((e) => e.kind)).toEqual(['opened']);
  });

  it('assigns to a department of the alerts’ region, refusing an alert of another region', async () => {
    const county = await openTestAlert(sql, world);
    const farAlert = await openTestAlert(sql, world, { department: world.farDepartment });
    const { status, body } = await bulk(
      { ids: [county, farAlert], action: 'assign', assigneeId: world.otherDepartment.id },
      world.cookies.provinceSupervisor,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      applied: [county],
      refused: [{ id: farAlert, code: 'unknown_reference', message: '只能指派给预警所在区域的部门' }],
    });
    expect((await eventsOf(county)).map((e) => [e.kind, e.note])).toEqual([
      ['opened', '要素不全：缺少索引号'],
      ['acknowledged', '指派时确认'],
      ['assigned', '指派给测试县财政局'],
    ]);
  });

  it('400 with the contract’s error body for more than 500 ids, a missing reason or assignee, or bad ids', async () => {
    const id = await openTestAlert(sql, world);
    const tooMany = await bulk({ ids: Array.from({ length: 501 }, (_, i) => i + 1), action: 'ack' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'invalid_input', fields: { ids: '一次最多处置 500 条预警' } });
    const noReason = await bulk({ ids: [id], action: 'resolve' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBe('请填写解除原因');
    const noAssignee = await bulk({ ids: [id], action: 'assign' });
    expect(noAssignee.body.error.fields.assigneeId).toBe('请选择指派部门');
    const badIds = await bulk({ ids: ['x'], action: 'close' });
    expect(badIds.status).toBe(400);
    expect(Object.keys(badIds.body.error.fields).sort()).toEqual(['action', 'ids.0']);
    expect((await bulk({ ids: [], action: 'ack' })).body.error.fields.ids).toBe('请至少选择一条预警');
    expect((await stateOf(id)).state).toBe('open');
  });

  it('403 for roles that do not act on alerts and for a cross-site request, 401 without a session', async () => {
    const id = await openTestAlert(sql, world);
    for (const cookie of [world.cookies.leader, world.cookies.dept]) expect((await bulk({ ids: [id], action: 'ack' }, cookie)).status).toBe(403);
    expect((await bulk({ ids: [id], action: 'ack' }, world.cookies.supervisor, 'https://evil.example')).status).toBe(403);
    expect((await bulk({ ids: [id], action: 'ack' }, 'dw_session=nope')).status).toBe(401);
    expect((await stateOf(id)).state).toBe('open');
  });

  it('acts on 500 alerts in one request', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 500; i += 1) ids.push(await openTestAlert(sql, world, { level: 'yellow' }));
    const { status, body } = await bulk({ ids, action: 'ack' });
    expect(status).toBe(200);
    expect(body.applied).toHaveLength(500);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from alerts where id = any(${ids}) and state = 'acknowledged'`;
    expect(row!.n).toBe(500);
  }, 60_000);
});

describe('the bulk action, live', () => {
  let server: Awaited<ReturnType<typeof startSocketServer>>;
  const token = (cookie: string) => cookie.replace(/^dw_session=/, '');

  beforeAll(async () => {
    server = await startSocketServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('pushes each changed alert to the county’s sockets as alert:updated', async () => {
    const county = await connectClient(server.url, token(world.cookies.supervisor));
    try {
      const ids = [await openTestAlert(sql, world), await openTestAlert(sql, world)];
      await bulk({ ids, action: 'ack' });
      await waitUntil(() => ids.every((id) => county.received.some((r) => r.alert.id === id)), 'both alerts on the county socket', 10_000);
      for (const id of ids) {
        expect(county.received.find((r) => r.alert.id === id)).toMatchObject({ event: 'alert:updated', alert: { state: 'acknowledged' } });
      }
    } finally {
      county.close();
    }
  });
});
