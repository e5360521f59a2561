// 申诉: a department disputes an alert or a deduction within the window of working days; the office accepts
// (the alert resolves as an accepted exception with 申诉成立 in its history, the deduction goes and the month is
// rescored) or rejects with a reason; one pending dispute per subject; every step in the audit log; a late
// filing writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/sessions';
import type { Scope } from '../auth/scope';
import { createDepartment, uniqueUsername } from '../auth/test-fixtures';
import { openTestAlert } from '../alerts/test-fixtures';
import { actOnComplaint } from '../complaints/act-on-complaint';
import type { ActionInput } from '../complaints/schemas';
import { createComplaintWorld, fileTestComplaint, type ComplaintWorld } from '../complaints/test-fixtures';
import { sql } from '../db/sql';
import { getItemTimeline } from '../items/timeline';
import { gatherReportData } from '../reports/gather-report-data';
import { invalidateRules } from '../rules/store/queries';
import { recomputeDepartmentMonths } from '../scoring/store/locked-recompute';
import type { ScoreResult } from '../scoring/compute-score';
import { insertObligation, insertRedDeadlineAlert } from '../scoring/store/test-fixtures';
import { DEFAULT_WEIGHTS } from '../scoring/weights';
import { decideDispute } from './decide-dispute';
import { fileDispute } from './file-dispute';
import { countDisputesByDepartment, listDisputes, listDisputesOfAlert, listDisputesOfDepartmentMonth } from './queries';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const PERIOD = '2026-11';
const SCORED_AT = shanghai('2026-11-27T12:00:00');

let world: ComplaintWorld;
let financeDept: Scope;
let supervisor: Scope;

async function scopeFor(role: 'dept' | 'supervisor', departmentId: number | null): Promise<Scope> {
  const username = uniqueUsername(role);
  const [row] = await sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
    values (${username}, '测试用户', 'not-a-login-account', ${role}, ${world.regions.county.code}, ${departmentId}, now(), now())
    returning id`;
  await createSession(sql, { id: row!.id });
  return { userId: row!.id, username, role, regionCode: world.regions.county.code, regionPath: world.regions.county.path, departmentId };
}

beforeAll(async () => {
  world = await createComplaintWorld(sql);
  await sql`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('complaint_substantiated', '投诉属实违规（测试）', ${world.regions.province.code}, '{}', 'orange', now(), now())`;
  invalidateRules();
  financeDept = await scopeFor('dept', world.otherDepartment.id);
  supervisor = await scopeFor('supervisor', null);
  for (let i = 0; i < 6; i += 1) {
    await insertObligation(sql, {
      entryId: world.otherEntry.id,
      departmentId: world.otherDepartment.id,
      regionCode: world.regions.county.code,
      dueDay: '2026-11-20',
      fulfilledAt: '2026-11-18T10:00:00',
    });
  }
});

const alertWorld = () => ({ ...world, positions: { reviewer: 0, publisher: 0, other: 0 } });

async function alertRow(id: number) {
  const [row] = await sql<{ state: string; resolution: string | null; resolve_reason: string | null }[]>`
    select state, resolution, resolve_reason from alerts where id = ${id}`;
  return row!;
}

async function auditOf(disputeId: number) {
  return sql<{ action: string; actor: string }[]>`
    select action, actor from audit_log where entity = 'dispute' and entity_id = ${String(disputeId)} order by id`;
}

async function totalScore(): Promise<number | null> {
  await recomputeDepartmentMonths(sql, [{ departmentId: world.otherDepartment.id, period: PERIOD }], SCORED_AT);
  const [row] = await sql<{ total: string | null }[]>`
    select total from scores where department_id = ${world.otherDepartment.id} and position_id is null and period = ${PERIOD}`;
  return row!.total === null ? null : Number(row!.total);
}

describe('disputing an alert', () => {
  it('is filed within the window, a second one is refused while it is pending, and accepting resolves the alert', async () => {
    // opened Mon 2026-11-02: the 5 working days end at 2026-11-09 24:00
    const alertId = await openTestAlert(sql, alertWorld(), { at: shanghai('2026-11-02T09:00:00') });
    const filed = await fileDispute(
      sql,
      world.deptScope,
      { subject: { type: 'alert', id: alertId }, reason: '该信息已于当日在政府网站发布，系统未抓取到', attachments: [{ name: '发布截图', url: 'https://example.gov.cn/shot.png' }] },
      shanghai('2026-11-09T23:00:00'),
    );
    if (!filed.ok) throw new Error(filed.message);
    expect(filed.dispute).toMatchObject({
      state: 'pending',
      subject: { type: 'alert', id: alertId, title: '要素不全：缺少索引号' },
      departmentId: world.department.id,
      attachments: [{ name: '发布截图', url: 'https://example.gov.cn/shot.png' }],
      windowEndsAt: shanghai('2026-11-10T00:00:00').toISOString(),
    });

    const again = await fileDispute(sql, world.deptScope, { subject: { type: 'alert', id: alertId }, reason: '再次申诉', attachments: [] }, shanghai('2026-11-09T23:30:00'));
    expect(again).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(!again.ok && again.message).toContain('已有待处理的申诉');

    const decided = await decideDispute(sql, supervisor, filed.dispute.id, { decision: 'accept', reason: '经核实网站确已发布' }, shanghai('2026-11-10T10:00:00'));
    if (!decided.ok) throw new Error(decided.message);
    expect(decided.dispute).toMatchObject({ state: 'accepted', decidedBy: supervisor.username, decisionReason: '经核实网站确已发布' });
    expect(decided.changes).toEqual([{ alertId, change: 'updated' }]);
    const alert = await alertRow(alertId);
    expect(alert).toMatchObject({ state: 'resolved', resolution: 'manual' });
    expect(alert.resolve_reason).toContain('申诉成立');
    expect(alert.resolve_reason).toContain('经核实网站确已发布');
    const [event] = await sql<{ kind: string; note: string; actor: string }[]>`
      select kind, note, actor from alert_events where alert_id = ${alertId} order by id desc limit 1`;
    expect(event).toMatchObject({ kind: 'resolved', actor: supervisor.username });
    expect(event!.note).toContain('申诉成立');
    // the rescore of the alert's month is owed in the decision's transaction
    const owed = await sql`select 1 from owed_jobs where key = ${`score-${world.department.id}-${PERIOD}`}`;
    expect(owed.length).toBe(1);

    expect((await auditOf(filed.dispute.id)).map((a) => a.action)).toEqual(['file', 'accept']);
    expect((await listDisputesOfAlert(sql, alertId)).map((d) => d.state)).toEqual(['accepted']);
    // a decided dispute cannot be decided twice
    expect(await decideDispute(sql, supervisor, filed.dispute.id, { decision: 'reject', reason: '改为驳回' }, shanghai('2026-11-10T11:00:00'))).toMatchObject({
      ok: false,
      refusal: 'conflict',
    });
  });

  it('after its window is refused with the deadline in zh-CN, and nothing is written', async () => {
    const alertId = await openTestAlert(sql, alertWorld(), { at: shanghai('2026-11-02T09:00:00') });
    const late = await fileDispute(sql, world.deptScope, { subject: { type: 'alert', id: alertId }, reason: '迟到的申诉', attachments: [] }, shanghai('2026-11-10T00:01:00'));
    expect(late).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(!late.ok && late.message).toBe('申诉期限已过：预警产生后 5 个工作日内可申诉，期限为 2026-11-09 24:00');
    const rows = await sql`select 1 from disputes where alert_id = ${alertId}`;
    expect(rows.length).toBe(0);
  });

  it('accepted for a red alert takes the red deduction off the month', async () => {
    const departmentId = await createDepartment(sql, world.regions.county.code, '测试县应急管理局');
    const safetyDept = await scopeFor('dept', departmentId);
    const obligation = (dueDay: string, fulfilledAt: string | null) =>
      insertObligation(sql, { entryId: world.otherEntry.id, departmentId, regionCode: world.regions.county.code, dueDay, fulfilledAt });
    for (let i = 0; i < 6; i += 1) await obligation('2026-11-20', '2026-11-18T10:00:00');
    const late = await obligation('2026-11-02', null);
    const alertId = await insertRedDeadlineAlert(sql, { obligationId: late, severeAt: '2026-11-10T00:00:00', openedAt: '2026-11-10T00:00:00' });
    const redLosses = async () => {
      await recomputeDepartmentMonths(sql, [{ departmentId, period: PERIOD }], SCORED_AT);
      const [row] = await sql<{ breakdown: ScoreResult }[]>`
        select breakdown from scores where department_id = ${departmentId} and position_id is null and period = ${PERIOD}`;
      return row!.breakdown.losses.filter((l) => l.indicator === 'red').map((l) => l.ref.id);
    };
    expect(await redLosses()).toEqual([alertId]);
    const filed = await fileDispute(sql, safetyDept, { subject: { type: 'alert', id: alertId }, reason: '该事项已依法延期公开', attachments: [] }, shanghai('2026-11-11T09:00:00'));
    if (!filed.ok) throw new Error(filed.message);
    expect(await redLosses()).toEqual([alertId]);
    const decided = await decideDispute(sql, supervisor, filed.dispute.id, { decision: 'accept', reason: '延期经批准' }, shanghai('2026-11-12T09:00:00'));
    expect(decided.ok).toBe(true);
    expect(await redLosses()).toEqual([]);
  });

  it('is refused for another department’s alert and for a resolved one', async () => {
    const theirs = await openTestAlert(sql, alertWorld(), { department: world.otherDepartment, at: shanghai('2026-11-02T09:00:00') });
    expect(await fileDispute(sql, world.deptScope, { subject: { type: 'alert', id: theirs }, reason: '不是我们的', attachments: [] }, shanghai('2026-11-03T09:00:00'))).toMatchObject({
      ok: false,
      refusal: 'out_of_scope',
    });
    expect(await fileDispute(sql, world.deptScope, { subject: { type: 'alert', id: 987654321 }, reason: '不存在', attachments: [] }, shanghai('2026-11-03T09:00:00'))).toMatchObject({
      ok: false,
      refusal: 'not_found',
    });
  });
});

describe('disputing a deduction (投诉属实)', () => {
  let violationId: number;
  let complaintId: number;

  it('is rejected with a reason (the points stay), then a new dispute is accepted: the deduction goes and the score comes back', async () => {
    const { trackingCode } = await fileTestComplaint(sql, world, shanghai('2026-11-05T09:00:00'));
    const [complaint] = await sql<{ id: number }[]>`select id from complaints where tracking_code = ${trackingCode}`;
    complaintId = complaint!.id;
    const act = async (input: ActionInput, scope: Scope, at: Date) => {
      const result = await actOnComplaint(sql, scope, complaintId, input, at);
      if (!result.ok) throw new Error(`${input.action}: ${result.message}`);
    };
    await act({ action: 'assign', departmentId: world.department.id }, world.handler.scope, shanghai('2026-11-05T09:00:00'));
    await act({ action: 'accept' }, world.deptScope, shanghai('2026-11-05T10:00:00'));
    await act({ action: 'reply', reply: '经核实，相关信息由财政局负责公开，已转告。' }, world.deptScope, shanghai('2026-11-06T10:00:00'));
    await act(
      { action: 'close', note: '财政局未按规定公开', finding: 'substantiated', catalogEntryId: world.otherEntry.id },
      world.handler.scope,
      shanghai('2026-11-09T10:00:00'),
    );
    const [violation] = await sql<{ id: number }[]>`select id from complaint_violations where complaint_id = ${complaintId}`;
    violationId = violation!.id;
    expect(await totalScore()).toBe(100 - DEFAULT_WEIGHTS.substantiatedPenalty);

    // the department that published nothing wrong is not the one deducted: it may not dispute
    expect(await fileDispute(sql, world.deptScope, { subject: { type: 'deduction', id: violationId }, reason: '与我局无关', attachments: [] }, shanghai('2026-11-10T09:00:00'))).toMatchObject({
      ok: false,
      refusal: 'out_of_scope',
    });

    const first = await fileDispute(sql, financeDept, { subject: { type: 'deduction', id: violationId }, reason: '该预算执行情况已在公开平台发布', attachments: [] }, shanghai('2026-11-10T09:00:00'));
    if (!first.ok) throw new Error(first.message);
    expect(first.dispute.subject.title).toContain(trackingCode);
    expect(first.dispute).toMatchObject({ complaintId, violationId, departmentId: world.otherDepartment.id });
    const rejected = await decideDispute(sql, supervisor, first.dispute.id, { decision: 'reject', reason: '公开平台上未见该信息' }, shanghai('2026-11-11T09:00:00'));
    expect(rejected).toMatchObject({ ok: true, dispute: { state: 'rejected', decisionReason: '公开平台上未见该信息' }, changes: [] });
    expect(await totalScore()).toBe(100 - DEFAULT_WEIGHTS.substantiatedPenalty);

    // one open dispute per subject: after the rejection the department may file again within the window
    const second = await fileDispute(sql, financeDept, { subject: { type: 'deduction', id: violationId }, reason: '补充提交发布页面链接', attachments: [{ name: '发布页面', url: 'https://example.gov.cn/budget' }] }, shanghai('2026-11-12T09:00:00'));
    if (!second.ok) throw new Error(second.message);
    const accepted = await decideDispute(sql, supervisor, second.dispute.id, { decision: 'accept', reason: '补充材料表明已按时公开' }, shanghai('2026-11-13T09:00:00'));
    if (!accepted.ok) throw new Error(accepted.message);
    const [withdrawn] = await sql<{ withdrawn_by: string; withdraw_reason: string }[]>`
      select withdrawn_by, withdraw_reason from complaint_violations where id = ${violationId}`;
    expect(withdrawn).toMatchObject({ withdrawn_by: supervisor.username });
    expect(withdrawn!.withdraw_reason).toContain('申诉成立');
    // its alert resolved with the deduction
    const [alert] = await sql<{ state: string }[]>`
      select state from alerts where rule_kind = 'complaint_substantiated' and subject_id = ${complaintId}`;
    expect(alert!.state).toBe('resolved');
    const owed = await sql`select 1 from owed_jobs where key = ${`score-${world.otherDepartment.id}-${PERIOD}`}`;
    expect(owed.length).toBe(1);
    expect(await totalScore()).toBe(100);

    expect((await auditOf(first.dispute.id)).map((a) => a.action)).toEqual(['file', 'reject']);
    expect((await auditOf(second.dispute.id)).map((a) => [a.action, a.actor])).toEqual([
      ['file', financeDept.username],
      ['accept', supervisor.username],
    ]);
    const month = await listDisputesOfDepartmentMonth(sql, world.otherDepartment.id, PERIOD);
    expect(month.map((d) => [d.state, d.decisionReason])).toEqual([
      ['rejected', '公开平台上未见该信息'],
      ['accepted', '补充材料表明已按时公开'],
    ]);
    // a withdrawn deduction cannot be disputed again
    expect(await fileDispute(sql, financeDept, { subject: { type: 'deduction', id: violationId }, reason: '再来一次', attachments: [] }, shanghai('2026-11-13T10:00:00'))).toMatchObject({
      ok: false,
      refusal: 'conflict',
    });
  });

  it('is counted per department for the month and listed in scope', async () => {
    const counts = await countDisputesByDepartment(sql, PERIOD, [world.department.id, world.otherDepartment.id]);
    const byDepartment = new Map(counts.map((c) => [c.departmentId, c]));
    expect(byDepartment.get(world.otherDepartment.id)).toMatchObject({ filed: 2, accepted: 1, rejected: 1 });
    expect(byDepartment.get(world.department.id)).toMatchObject({ filed: 1, accepted: 1, rejected: 0 });
    const report = await gatherReportData(sql, { regionCode: world.regions.county.code, period: PERIOD, at: SCORED_AT });
    expect(report.disputesByDepartment).toContainEqual({ departmentName: world.otherDepartment.name, filed: 2, accepted: 1, rejected: 1 });
    const own = await listDisputes(sql, financeDept, {}, { limit: 50 });
    expect(new Set(own.map((d) => d.departmentId))).toEqual(new Set([world.otherDepartment.id]));
    const pending = await listDisputes(sql, supervisor, { state: 'pending' }, { limit: 50 });
    expect(pending).toEqual([]);
  });
});

describe('the item replay', () => {
  it('shows a dispute and its decision beside the alert of the item', async () => {
    // an item alert: the item's replay lists the dispute and the resolve event 申诉成立
    const [item] = await sql<{ id: number }[]>`
      insert into items (department_id, region_code, catalog_entry_id, external_id, title, formed_at, received_at, channels, version, payload_hash, updated_at)
      values (${world.department.id}, ${world.regions.county.code}, ${world.entries.workingDays.id}, ${`dispute-${Date.now()}`}, '关于测试事项的公告',
        ${shanghai('2026-11-02T08:00:00')}, ${shanghai('2026-11-02T08:00:00')}, '{website}', 1, 'x', now())
      returning id`;
    const alertId = await openTestAlert(sql, alertWorld(), { at: shanghai('2026-11-02T09:00:00') });
    await sql`update alerts set item_id = ${item!.id} where id = ${alertId}`;
    const filed = await fileDispute(sql, world.deptScope, { subject: { type: 'alert', id: alertId }, reason: '索引号已补录', attachments: [] }, shanghai('2026-11-03T09:00:00'));
    if (!filed.ok) throw new Error(filed.message);
    // the office reads which item the disputed alert is about
    expect(filed.dispute.subject.title).toBe('关于测试事项的公告：要素不全：缺少索引号');
    await decideDispute(sql, supervisor, filed.dispute.id, { decision: 'reject', reason: '索引号格式仍不正确' }, shanghai('2026-11-04T09:00:00'));
    const timeline = await getItemTimeline(sql, supervisor, item!.id, { limit: 100, at: shanghai('2026-11-05T09:00:00') });
    if (timeline.kind !== 'found') throw new Error(timeline.kind);
    const disputes = timeline.data.filter((e) => e.source === 'dispute');
    expect(disputes.map((e) => [e.kind, e.note])).toEqual([
      ['dispute_filed', '提出申诉：索引号已补录'],
      ['dispute_rejected', '申诉驳回：索引号格式仍不正确'],
    ]);
  });
});
