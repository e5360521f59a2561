// The alert as REST and socket payloads carry it (DESIGN §3), and the one select that reads it.
import type { Db } from '../db/sql';
import type { AlertLevel, RuleKind } from '../rules/rule';
import { subjectTitle } from './subject-title';

export type AlertState = 'open' | 'acknowledged' | 'resolved';
export type SubjectType = 'item' | 'obligation' | 'complaint' | 'request';

export interface Alert {
  id: number;
  seq: number;
  rule: { id: number; kind: RuleKind };
  level: AlertLevel;
  state: AlertState;
  /** `title` names what the alert is about (lib/alerts/subject-title.ts). */
  subject: { type: SubjectType; id: number; title: string };
  itemId: number | null;
  obligationId: number | null;
  complaintId: number | null;
  /** A request for information (依申请公开): its tracking code and an excerpt of its description title the alert. */
  requestId: number | null;
  departmentId: number;
  departmentName: string;
  positionId: number | null;
  /** 指派: the department (and optionally the position) the office handed the alert to. */
  assignedDepartmentId: number | null;
  assignedDepartmentName: string | null;
  assignedPositionId: number | null;
  assignedPositionName: string | null;
  regionId: string;
  domain: string | null;
  message: string;
  details: Record<string, unknown>;
  openedAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** The acknowledging user's 姓名 (acknowledgedBy is their username); null when not a user. */
  acknowledgedByName: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** The resolving user's 姓名, as acknowledgedByName. */
  resolvedByName: string | null;
  resolution: 'auto' | 'manual' | null;
  resolveReason: string | null;
}

/** An alert together with the region path that decides which socket rooms hear about it. */
export interface AlertWithPath {
  alert: Alert;
  regionPath: string;
}

interface AlertRow {
  id: number;
  seq: number;
  rule_id: number;
  rule_kind: RuleKind;
  level: AlertLevel;
  state: AlertState;
  subject_type: SubjectType;
  subject_id: number;
  item_id: number | null;
  obligation_id: number | null;
  complaint_id: number | null;
  request_id: number | null;
  department_id: number;
  department_name: string;
  position_id: number | null;
  assigned_department_id: number | null;
  assigned_department_name: string | null;
  assigned_position_id: number | null;
  assigned_position_name: string | null;
  region_code: string;
  region_path: string;
  domain: string | null;
  message: string;
  details: Record<string, unknown>;
  opened_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: 'auto' | 'manual' | null;
  resolve_reason: string | null;
  acknowledged_by_name: string | null;
  resolved_by_name: string | null;
  subject_item_title: string | null;
  /** [entry name, period key] of the alert's obligation */
  subject_obligation: [string, string | null] | null;
  /** [tracking code, content] of the alert's complaint */
  subject_complaint: [string, string] | null;
  /** [tracking code, description] of the alert's request (never the applicant) */
  subject_request: [string, string] | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function alertFromRow(row: AlertRow): AlertWithPath {
  return {
    regionPath: row.region_path,
    alert: {
      id: row.id,
      seq: row.seq,
      rule: { id: row.rule_id, kind: row.rule_kind },
      level: row.level,
      state: row.state,
      subject: {
        type: row.subject_type,
        id: row.subject_id,
        title: subjectTitle({
          type: row.subject_type,
          id: row.subject_id,
          itemTitle: row.subject_item_title,
          entryName: row.subject_obligation?.[0] ?? null,
          periodKey: row.subject_obligation?.[1] ?? null,
          trackingCode: row.subject_complaint?.[0] ?? row.subject_request?.[0] ?? null,
          complaintContent: row.subject_complaint?.[1] ?? null,
          requestDescription: row.subject_request?.[1] ?? null,
        }),
      },
      itemId: row.item_id,
      obligationId: row.obligation_id,
      complaintId: row.complaint_id,
      requestId: row.request_id,
      departmentId: row.department_id,
      departmentName: row.department_name,
      positionId: row.position_id,
      assignedDepartmentId: row.assigned_department_id,
      assignedDepartmentName: row.assigned_department_name,
      assignedPositionId: row.assigned_position_id,
      assignedPositionName: row.assigned_position_name,
      regionId: row.region_code,
      domain: row.domain,
      message: row.message,
      details: row.details,
      openedAt: row.opened_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      acknowledgedAt: iso(row.acknowledged_at),
      acknowledgedBy: row.acknowledged_by,
      acknowledgedByName: row.acknowledged_by_name,
      resolvedAt: iso(row.resolved_at),
      resolvedBy: row.resolved_by,
      resolvedByName: row.resolved_by_name,
      resolution: row.resolution,
      resolveReason: row.resolve_reason,
    },
  };
}

/**
 * `select … from alerts a join departments d join regions r` (plus the assignee's names, the 姓名 of who
 * acknowledged and resolved it, and what the subject's title is made of, by primary key): filter and order
 * after it. The subject's parts and the names are scalar subqueries so that under a LIMIT Postgres reads
 * them for the rows returned only.
 */
export function selectAlerts(db: Db, extraColumns = db``) {
  return db`
    select a.*, d.name as department_name, r.path as region_path,
      ad.name as assigned_department_name, ap.name as assigned_position_name,
      (select i.title from items i where i.id = a.item_id) as subject_item_title,
      (select json_build_array(c.name, o.period_key) from obligations o join catalog_entries c on c.id = o.catalog_entry_id
        where o.id = a.obligation_id) as subject_obligation,
      (select json_build_array(cp.tracking_code, left(cp.content, 64)) from complaints cp where cp.id = a.complaint_id)
        as subject_complaint,
      (select json_build_array(rq.tracking_code, left(rq.description, 64)) from requests rq where rq.id = a.request_id)
        as subject_request,
      (select u.display_name from users u where u.username = a.acknowledged_by) as acknowledged_by_name,
      (select u.display_name from users u where u.username = a.resolved_by) as resolved_by_name
      ${extraColumns}
    from alerts a
    join departments d on d.id = a.department_id
    join regions r on r.code = a.region_code
    left join departments ad on ad.id = a.assigned_department_id
    left join positions ap on ap.id = a.assigned_position_id`;
}

export async function findAlertsByIds(db: Db, ids: number[]): Promise<AlertWithPath[]> {
  if (ids.length === 0) return [];
  const rows = await db<AlertRow[]>`${selectAlerts(db)} where a.id = any(${ids}) order by a.seq`;
  return rows.map(alertFromRow);
}

export type { AlertRow };
