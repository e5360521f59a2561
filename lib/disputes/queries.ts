// Reads of disputes (申诉): the office's list and the dept's own, one dispute, and the disputes shown beside an
// alert, an item's replay, a department's month of scoring and the monthly report.
import type postgres from 'postgres';
import { actorNames } from '../auth/actor-names';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import { periodRange, type Period } from '../scoring/period';
import type { DisputeFilter, DisputeState, DisputeSubjectType } from './schemas';

export interface DisputeAttachment {
  name: string;
  url: string;
}

export interface Dispute {
  id: number;
  /** title: what the dept disputes, in zh-CN (the alert's item and message; the deduction's complaint and entry). */
  subject: { type: DisputeSubjectType; id: number; title: string };
  alertId: number | null;
  violationId: number | null;
  itemId: number | null;
  complaintId: number | null;
  departmentId: number;
  departmentName: string;
  regionId: string;
  state: DisputeState;
  reason: string;
  attachments: DisputeAttachment[];
  filedAt: string;
  filedBy: string;
  windowEndsAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
}

interface DisputeRow {
  id: number;
  subject_type: DisputeSubjectType;
  subject_id: number;
  subject_title: string;
  alert_id: number | null;
  violation_id: number | null;
  item_id: number | null;
  complaint_id: number | null;
  department_id: number;
  department_name: string;
  region_code: string;
  state: DisputeState;
  reason: string;
  attachments: DisputeAttachment[];
  filed_at: Date;
  filed_by: string;
  window_ends_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

function disputeFromRow(row: DisputeRow): Dispute {
  return {
    id: row.id,
    subject: { type: row.subject_type, id: row.subject_id, title: row.subject_title },
    alertId: row.alert_id,
    violationId: row.violation_id,
    itemId: row.item_id,
    complaintId: row.complaint_id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_code,
    state: row.state,
    reason: row.reason,
    attachments: row.attachments,
    filedAt: row.filed_at.toISOString(),
    filedBy: row.filed_by,
    windowEndsAt: row.window_ends_at.toISOString(),
    decidedAt: iso(row.decided_at),
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
  };
}

function selectDisputes(db: Db, extra: postgres.Fragment = db``) {
  return db`
    select ds.id, ds.subject_type, ds.subject_id, ds.alert_id, ds.violation_id, ds.item_id, ds.complaint_id,
      ds.department_id, d.name as department_name, ds.region_code, ds.state, ds.reason, ds.attachments, ds.filed_at,
      ds.filed_by, ds.window_ends_at, ds.decided_at, ds.decided_by, ds.decision_reason,
      coalesce(ai.title || '：' || a.message, a.message, '投诉属实扣分：投诉件 ' || c.tracking_code || ' 反映「' || ce.name || '」未按规定公开', '') as subject_title
      ${extra}
    from disputes ds
    join departments d on d.id = ds.department_id
    join regions r on r.code = ds.region_code
    left join alerts a on a.id = ds.alert_id
    left join items ai on ai.id = a.item_id
    left join complaint_violations v on v.id = ds.violation_id
    left join complaints c on c.id = v.complaint_id
    left join catalog_entries ce on ce.id = v.catalog_entry_id`;
}

/** The disputes of the scope, newest first; `beforeId` continues a page (ids below it). */
export async function listDisputes(
  db: Db,
  scope: Scope,
  filter: DisputeFilter,
  page: { beforeId?: number; limit: number },
): Promise<Dispute[]> {
  const rows = await db<DisputeRow[]>`
    ${selectDisputes(db)}
    where ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'ds.department_id' })}
      ${filter.state ? db`and ds.state = ${filter.state}` : db``}
      ${filter.departmentId ? db`and ds.department_id = ${filter.departmentId}` : db``}
      ${page.beforeId ? db`and ds.id < ${page.beforeId}` : db``}
    order by ds.id desc
    limit ${page.limit}`;
  return rows.map(disputeFromRow);
}

export async function findDisputeInScope(db: Db, scope: Scope, id: number): Promise<Dispute | 'outside' | 'missing'> {
  const [row] = await db<(DisputeRow & { in_scope: boolean })[]>`
    ${selectDisputes(db, db`, ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'ds.department_id' })} as in_scope`)}
    where ds.id = ${id}`;
  if (!row) return 'missing';
  return row.in_scope ? disputeFromRow(row) : 'outside';
}

/** Every dispute of an alert, oldest first (the wall's alert detail). */
export async function listDisputesOfAlert(db: Db, alertId: number): Promise<Dispute[]> {
  const rows = await db<DisputeRow[]>`${selectDisputes(db)} where ds.alert_id = ${alertId} order by ds.id`;
  return rows.map(disputeFromRow);
}

/** Disputes of the alerts of an item (the replay): those raised on the item or on its obligations. */
export async function listDisputesOfItem(db: Db, itemId: number, obligationIds: readonly number[]): Promise<Dispute[]> {
  const rows = await db<DisputeRow[]>`
    ${selectDisputes(db)}
    where ds.item_id = ${itemId} ${obligationIds.length > 0 ? db`or a.obligation_id = any(${[...obligationIds]}::bigint[])` : db``}
    order by ds.id`;
  return rows.map(disputeFromRow);
}

/**
 * The disputes a department's month of scoring shows: those of its deductions recorded in the month and of
 * its alerts opened in it.
 */
export async function listDisputesOfDepartmentMonth(db: Db, departmentId: number, period: Period): Promise<Dispute[]> {
  const { start, end } = periodRange(period);
  const rows = await db<DisputeRow[]>`
    ${selectDisputes(db)}
    where ds.department_id = ${departmentId}
      and ((v.found_at >= ${start} and v.found_at < ${end}) or (a.opened_at >= ${start} and a.opened_at < ${end}))
    order by ds.id`;
  return rows.map(disputeFromRow);
}

export interface DisputeCounts {
  departmentId: number;
  filed: number;
  accepted: number;
  rejected: number;
}

/** 申诉 提出/成立/驳回 per department for a month: filed in it, decided in it. */
export async function countDisputesByDepartment(db: Db, period: Period, departmentIds: readonly number[]): Promise<DisputeCounts[]> {
  const { start, end } = periodRange(period);
  return db<DisputeCounts[]>`
    select department_id::int as "departmentId",
      (count(*) filter (where filed_at >= ${start} and filed_at < ${end}))::int as filed,
      (count(*) filter (where state = 'accepted' and decided_at >= ${start} and decided_at < ${end}))::int as accepted,
      (count(*) filter (where state = 'rejected' and decided_at >= ${start} and decided_at < ${end}))::int as rejected
    from disputes
    where department_id = any(${[...departmentIds]}::bigint[])
      and ((filed_at >= ${start} and filed_at < ${end}) or (decided_at >= ${start} and decided_at < ${end}))
    group by department_id`;
}

/** A department's deductions (投诉属实) from `since` on, standing or withdrawn, for the dept's 扣分 view. */
export interface DepartmentDeduction {
  violationId: number;
  complaintId: number;
  trackingCode: string;
  entryName: string;
  foundAt: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

export async function listDepartmentDeductions(db: Db, departmentId: number, since: Date): Promise<DepartmentDeduction[]> {
  const rows = await db<
    { id: number; complaint_id: number; tracking_code: string; entry_name: string; found_at: Date; withdrawn_at: Date | null; withdraw_reason: string | null }[]
  >`
    select v.id, v.complaint_id, c.tracking_code, ce.name as entry_name, v.found_at, v.withdrawn_at, v.withdraw_reason
    from complaint_violations v join complaints c on c.id = v.complaint_id join catalog_entries ce on ce.id = v.catalog_entry_id
    where v.department_id = ${departmentId} and v.found_at >= ${since}
    order by v.found_at desc
    limit 200`;
  return rows.map((r) => ({
    violationId: r.id,
    complaintId: r.complaint_id,
    trackingCode: r.tracking_code,
    entryName: r.entry_name,
    foundAt: r.found_at.toISOString(),
    withdrawnAt: iso(r.withdrawn_at),
    withdrawReason: r.withdraw_reason,
  }));
}

/** 姓名 of everyone who filed or decided these disputes, keyed by username (lib/auth/actor-names.ts). */
export async function disputeActorNames(db: Db, disputes: readonly Dispute[]): Promise<Record<string, string>> {
  const actors = disputes.flatMap((d) => (d.decidedBy ? [d.filedBy, d.decidedBy] : [d.filedBy]));
  return Object.fromEntries(await actorNames(db, actors));
}
