// POST /api/v1/alerts/:id/assign and GET /api/v1/alerts/:id/assignees end to end (without HTTP): scope checks,
// the contract's statuses, one new seq and the 'assigned' event per change, acknowledgement implied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../../../../lib/alerts/alert';
import { clearTestAlert, createAlertWorld, openTestAlert, type AlertWorld } from '../../../../../../lib/alerts/test-fixtures';
import { sql } from '../../../../../../lib/db/sql';
import { connectClient, startSocketServer } from '../../../../../../lib/testing/socket-harness';
import { waitUntil } from '../../../../../../lib/testing/wait-until';
import { GET as getAssignees } from '../assignees/route';
import { POST } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: AlertWorld;

beforeAll(async () => {
  world = await createAlertWorld(sql);
});

async function assign(id: number | string, body: unknown, cookie = world.cookies.supervisor, origin = ORIGIN) {
  const response = await POST(
    new Request(`${ORIGIN}/api/v1/alerts/${id}/assign`, {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: await response.json() };
}

async function eventsOf(alertId: number) {
  return sql<{ kind: string; seq: number; actor: string; note: string; data: Record<string, unknown> | null }[]>`
    select kind, seq, actor, note, data from alert_events where alert_id = ${alertId} order by id`;
}

const seqOf = async (alertId: number) => (await sql<{ seq: number }[]>`select seq from alerts where id = ${alertId}`)[0]!.seq;

describe('POST /api/v1/alerts/:id/assign', () => {
  it('assigns an open alert to a department of its region, acknowledging it in the same change', async () => {
    const id = await openTestAlert(sql, world);
    const before = await seqOf(id);
    const { status, body } = await assign(id, { departmentId: world.otherDepartment.id });
    expect(status).toBe(200);
    const alert = body as Alert;
    expect(alert).toMatchObject({
      id,
      state: 'acknowledged',
      assignedDepartmentId: world.otherDepartment.id,
      assignedDepartmentName: '测试县财政局',
      assignedPositionId: null,
      acknowledgedBy: expect.stringMatching(/^supervisor-/),
    });
    expect(alert.seq).toBeGreaterThan(before);
    const events = await eventsOf(id);
    expect(events.map((e) => [e.kind, e.seq])).toEqual([
      ['opened', before],
      ['acknowledged', alert.seq],
      ['assigned', alert.seq],
    ]);
    expect(events[2]).toMatchObject({
      note: '指派给测试县财政局',
      data: { departmentId: world.otherDepartment.id, departmentName: '测试县财政局', positionId: null, positionName: null },
    });
  });

  it('reassigns to a position, and a repeat of the same assignment changes nothing', async () => {
    const id = await openTestAlert(sql, world);
    await assign(id, { departmentId: world.otherDepartment.id });
    const { status, body } = await assign(id, { departmentId: world.department.id, positionId: world.positions.reviewer });
    expect(status).toBe(200);
    expect(body).toMatchObject({ assignedDepartmentId: world.department.id, assignedPositionName: '信息审核岗', state: 'acknowledged' });
    const seq = await seqOf(id);
    const again = await assign(id, { departmentId: world.department.id, positionId: world.positions.reviewer });
    expect(again.status).toBe(200);
    expect(again.body.seq).toBe(seq);
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['opened', 'acknowledged', 'assigned', 'assigned']);
  });

  it('403 for an alert outside the user’s scope, and for a department outside it', async () => {
    const id = await openTestAlert(sql, world);
    const outside = await assign(id, { departmentId: world.otherDepartment.id }, world.cookies.farSupervisor);
    expect(outside.status).toBe(403);
    expect(outside.body.error).toMatchObject({ code: 'forbidden', message: '该预警不在您的管辖范围内' });
    const target = await assign(id, { departmentId: world.farDepartment.id });
    expect(target.status).toBe(403);
    expect(target.body.error.message).toBe('指派部门不在您的管辖范围内');
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['opened']);
  });

  it('403 for roles that do not act on alerts, and for a cross-site request', async () => {
    const id = await openTestAlert(sql, world);
    for (const cookie of [world.cookies.leader, world.cookies.dept]) {
      expect((await assign(id, { departmentId: world.department.id }, cookie)).status).toBe(403);
    }
    expect((await assign(id, { departmentId: world.department.id }, world.cookies.supervisor, 'https://evil.example')).status).toBe(403);
    expect((await assign(id, { departmentId: world.department.id }, 'dw_session=nope')).status).toBe(401);
  });

  it('409 for a resolved alert', async () => {
    const id = await openTestAlert(sql, world);
    await clearTestAlert(sql, id, new Date());
    const { status, body } = await assign(id, { departmentId: world.department.id });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'conflict', message: '预警已解除，无法指派' });
  });

  it('422 for an unknown department, one of another region, or a position of another department', async () => {
    const id = await openTestAlert(sql, world);
    const unknown = await assign(id, { departmentId: 999_999_999 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_reference', fields: { departmentId: '指派部门不存在' } });
    // the province supervisor sees both counties, but an alert goes to a department of its own region
    const elsewhere = await assign(id, { departmentId: world.farDepartment.id }, world.cookies.provinceSupervisor);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.fields.departmentId).toBe('只能指派给预警所在区域的部门');
    const position = await assign(id, { departmentId: world.department.id, positionId: world.positions.other });
    expect(position.status).toBe(422);
    expect(position.body.error.fields.positionId).toBe('该岗位不属于所选部门');
  });

  it('400 with a zh-CN message per field, 404 for an alert that does not exist', async () => {
    const id = await openTestAlert(sql, world);
    const missing = await assign(id, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.departmentId).toBe('请选择指派部门');
    const wrong = await assign(id, { departmentId: 'x', positionId: -1, note: 'hi' });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(['_', 'departmentId', 'positionId'].sort());
    expect((await assign(999_999_999, { departmentId: world.department.id })).status).toBe(404);
    expect((await assign('abc', { departmentId: world.department.id })).status).toBe(404);
  });
});

describe('the assignment, live', () => {
  let server: Awaited<ReturnType<typeof startSocketServer>>;
  const token = (cookie: string) => cookie.replace(/^dw_session=/, '');

  beforeAll(async () => {
    server = await startSocketServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('reaches the sockets of the alert’s county as alert:updated, and no other county', async () => {
    const county = await connectClient(server.url, token(world.cookies.supervisor));
    const far = await connectClient(server.url, token(world.cookies.farSupervisor));
    try {
      const id = await openTestAlert(sql, world);
      const { body } = await assign(id, { departmentId: world.otherDepartment.id });
      await waitUntil(() => county.received.some((r) => r.alert.id === id), 'the assignment on the county socket', 10_000);
      expect(county.received.find((r) => r.alert.id === id)).toMatchObject({
        event: 'alert:updated',
        alert: { seq: body.seq, state: 'acknowledged', assignedDepartmentName: '测试县财政局' },
      });
      // a reconnecting client catches up on it through alerts:sync
      const { alerts } = await county.socket.emitWithAck('alerts:sync', { afterSeq: body.seq - 1 });
      expect(alerts.map((alert) => alert.id)).toContain(id);
      // the server wrote the push to every socket of the room at once, so a round trip on the far county's
      // socket comes back after anything it was sent; its own sync does not list the alert either
      const farSync = await far.socket.emitWithAck('alerts:sync', { afterSeq: body.seq - 1 });
      expect(farSync.alerts.map((alert) => alert.id)).not.toContain(id);
      expect(far.received.filter((r) => r.alert.id === id)).toEqual([]);
    } finally {
      county.close();
      far.close();
    }
  });
});

describe('GET /api/v1/alerts/:id/assignees', () => {
  const get = (id: number, cookie: string) =>
    getAssignees(new Request(`${ORIGIN}/api/v1/alerts/${id}/assignees`, { headers: { cookie } }), {
      params: Promise.resolve({ id: String(id) }),
    });

  it('lists the departments of the alert’s region with their positions', async () => {
    const id = await openTestAlert(sql, world);
    const response = await get(id, world.cookies.supervisor);
    expect(response.status).toBe(200);
    const { data, next } = await response.json();
    expect(next).toBeNull();
    expect(data).toEqual([
      {
        departmentId: world.department.id,
        departmentName: '测试县生态环境局',
        positions: [
          { id: world.positions.reviewer, name: '信息审核岗' },
          { id: world.positions.publisher, name: '信息发布岗' },
        ],
      },
      { departmentId: world.otherDepartment.id, departmentName: '测试县财政局', positions: [{ id: world.positions.other, name: '财政信息审核岗' }] },
    ]);
  });

  it('403 outside the scope, 404 for no such alert', async () => {
    const id = await openTestAlert(sql, world);
    expect((await get(id, world.cookies.farSupervisor)).status).toBe(403);
    expect((await get(999_999_999, world.cookies.supervisor)).status).toBe(404);
  });
});
