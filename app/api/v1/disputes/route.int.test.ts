// The dispute routes through their real handlers: a dept files on its alert (201), a second filing and a
// filing without a reason are refused in zh-CN, the list is scoped, a supervisor decides and the alert is
// resolved; a dept may not decide.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAlertWorld, openTestAlert, type AlertWorld } from '../../../../lib/alerts/test-fixtures';
import { sql } from '../../../../lib/db/sql';
import type { Dispute } from '../../../../lib/disputes/queries';
import { POST as decide } from './[id]/decision/route';
import { GET, POST } from './route';

const ORIGIN = 'http://127.0.0.1:3000';
let world: AlertWorld;
let alertId: number;

beforeAll(async () => {
  world = await createAlertWorld(sql);
  alertId = await openTestAlert(sql, world, { message: '要素不全：缺少发布机构' });
});

const post = (cookie: string, body: unknown) =>
  POST(new Request(`${ORIGIN}/api/v1/disputes`, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
const list = (cookie: string, query = '') => GET(new Request(`${ORIGIN}/api/v1/disputes${query}`, { headers: { cookie } }));
const decision = (cookie: string, id: number, body: unknown) =>
  decide(
    new Request(`${ORIGIN}/api/v1/disputes/${id}/decision`, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ id: String(id) }) },
  );

describe('the dispute routes', () => {
  let dispute: Dispute;

  it('refuses a dispute without a reason, naming the field, and writes nothing', async () => {
    const response = await post(world.cookies.dept, { subject: { type: 'alert', id: alertId }, reason: ' ' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.reason).toBe('申诉理由至少 2 个字');
    expect(await sql`select 1 from disputes where alert_id = ${alertId}`).toHaveLength(0);
  });

  it('files a dispute of the department’s own alert, and refuses a second one while it is pending', async () => {
    const response = await post(world.cookies.dept, {
      subject: { type: 'alert', id: alertId },
      reason: '发布机构已在正文落款中注明',
      attachments: [{ name: '页面截图', url: 'https://example.gov.cn/a.png' }],
    });
    expect(response.status).toBe(201);
    dispute = (await response.json()) as Dispute;
    expect(dispute).toMatchObject({ state: 'pending', subject: { type: 'alert', id: alertId, title: '要素不全：缺少发布机构' }, departmentId: world.department.id });

    const second = await post(world.cookies.dept, { subject: { type: 'alert', id: alertId }, reason: '再次申诉' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { message: string } }).error.message).toContain('已有待处理的申诉');
  });

  it('lists disputes in scope only', async () => {
    const own = (await (await list(world.cookies.dept, '?state=pending')).json()) as { data: Dispute[]; next: string | null };
    expect(own.data.map((d) => d.id)).toEqual([dispute.id]);
    const far = (await (await list(world.cookies.farSupervisor)).json()) as { data: Dispute[] };
    expect(far.data).toEqual([]);
    expect((await list(world.cookies.supervisor, '?state=open')).status).toBe(400);
  });

  it('lets the supervisor accept it and not the department; the alert is resolved', async () => {
    const byDept = await decision(world.cookies.dept, dispute.id, { decision: 'accept', reason: '自己通过' });
    expect(byDept.status).toBe(403);
    const noReason = await decision(world.cookies.supervisor, dispute.id, { decision: 'accept' });
    expect(noReason.status).toBe(400);
    const response = await decision(world.cookies.supervisor, dispute.id, { decision: 'accept', reason: '落款已注明发布机构' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: dispute.id, state: 'accepted', decisionReason: '落款已注明发布机构' });
    const [alert] = await sql<{ state: string; resolve_reason: string }[]>`select state, resolve_reason from alerts where id = ${alertId}`;
    expect(alert).toMatchObject({ state: 'resolved' });
    expect(alert!.resolve_reason).toContain('申诉成立');
    const again = await decision(world.cookies.supervisor, dispute.id, { decision: 'reject', reason: '改判' });
    expect(again.status).toBe(409);
    expect((await decision(world.cookies.farSupervisor, dispute.id, { decision: 'reject', reason: '越权' })).status).toBe(403);
  });
});
