// Brings one complaint's SLA level, its next_check_at and its complaint_sla alert in line with the clock and
// its state: shared by every transition (in its transaction) and by the SLA sweep. Alerts go through
// lib/alerts/apply-findings.ts like every other rule's findings.
import { clearAlert, raiseAlert, type AlertChange } from '../alerts/apply-findings';
import type { Calendar } from '../calendar/calendar';
import type { Db } from '../db/sql';
import type { Level } from '../rules/level';
import type { Rule } from '../rules/rule';
import { slaFinding, slaMessage } from '../rules/complaint-sla-rule';
import { slaStatus, type SlaSubject } from './sla';

export interface ComplaintForSla extends SlaSubject {
  id: number;
  trackingCode: string;
  level: Level;
  nextCheckAt: Date | null;
  departmentId: number | null;
  positionId: number | null;
  regionCode: string;
  regionPath: string;
  catalogEntryId: number | null;
  domain: string | null;
  itemId: number | null;
  version: number;
}

/** Columns of ComplaintForSla from `complaints c join regions r left join catalog_entries ce`. */
export function complaintForSlaColumns(db: Db) {
  return db`
    c.id, c.tracking_code as "trackingCode", c.state, c.received_at as "receivedAt", c.assigned_at as "assignedAt",
    c.assign_due_at as "assignDueAt", c.accept_due_at as "acceptDueAt", c.reply_due_at as "replyDueAt", c.level,
    c.next_check_at as "nextCheckAt", c.department_id as "departmentId", c.position_id as "positionId",
    c.region_code as "regionCode", r.path as "regionPath", c.catalog_entry_id as "catalogEntryId", ce.domain,
    c.item_id as "itemId", c.version`;
}

export async function findComplaintForSla(db: Db, id: number): Promise<ComplaintForSla | undefined> {
  const [row] = await db<ComplaintForSla[]>`
    select ${complaintForSlaColumns(db)}
    from complaints c join regions r on r.code = c.region_code
    left join catalog_entries ce on ce.id = c.catalog_entry_id
    where c.id = ${id}`;
  return row;
}

export async function syncComplaintSla(
  tx: Db,
  complaint: ComplaintForSla,
  rules: readonly Rule[],
  cal: Calendar,
  at: Date,
): Promise<AlertChange[]> {
  const status = slaStatus(cal, complaint, at);
  if (status.level !== complaint.level || status.nextCheckAt?.getTime() !== complaint.nextCheckAt?.getTime()) {
    await tx`update complaints set level = ${status.level}, next_check_at = ${status.nextCheckAt} where id = ${complaint.id}`;
  }
  const key = { ruleKind: 'complaint_sla', subjectType: 'complaint', subjectId: complaint.id } as const;
  const finding = slaFinding(rules, complaint, status);
  if (!finding) {
    const note = complaint.state === 'closed' ? '投诉已办结' : status.level === 'none' ? '投诉已按时流转' : '投诉办理时限规则已停用';
    return present(await clearAlert(tx, key, at, note));
  }
  // 改派 to another department: the first department's alert resolves, the new one's opens (an alert's
  // department is fixed once raised, and it decides who is told)
  const changes: AlertChange[] = [];
  const [unresolved] = await tx<{ department_id: number }[]>`
    select department_id from alerts
    where rule_kind = 'complaint_sla' and subject_type = 'complaint' and subject_id = ${complaint.id} and state <> 'resolved'`;
  if (unresolved && unresolved.department_id !== finding.departmentId) {
    changes.push(...present(await clearAlert(tx, key, at, '投诉已改派其他部门')));
  }
  const raised = await raiseAlert(
    tx,
    {
      ...key,
      ruleId: finding.rule.id,
      level: finding.level,
      subjectVersion: complaint.version,
      itemId: complaint.itemId,
      complaintId: complaint.id,
      departmentId: finding.departmentId,
      positionId: complaint.positionId,
      regionCode: complaint.regionCode,
      domain: complaint.domain,
      message: slaMessage(finding.level, finding.phase, complaint.trackingCode, finding.dueAt),
      details: { phase: finding.phase, dueAt: finding.dueAt.toISOString(), trackingCode: complaint.trackingCode },
    },
    at,
  );
  return [...changes, ...present(raised)];
}

const present = (change: AlertChange | null): AlertChange[] => (change ? [change] : []);
