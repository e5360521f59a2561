// The violation a 属实 finding recorded, as the complaint page shows it: the entry and item, the responsible
// department, who found it and when, a withdrawal with its reason, and the alert it raised with its state.
import { actorNames } from '../auth/actor-names';
import type { AlertLevel } from '../rules/rule';
import type { Db } from '../db/sql';

export interface ComplaintViolation {
  catalogEntry: { id: number; code: string; name: string };
  item: { id: number; title: string } | null;
  departmentId: number;
  departmentName: string;
  foundAt: string;
  foundBy: string;
  foundByName: string;
  withdrawnAt: string | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
  alert: {
    id: number;
    level: AlertLevel;
    state: 'open' | 'acknowledged' | 'resolved';
    resolution: 'auto' | 'manual' | null;
    resolvedAt: string | null;
    resolveReason: string | null;
  } | null;
}

interface Row {
  entry_id: number;
  entry_code: string;
  entry_name: string;
  item_id: number | null;
  item_title: string | null;
  department_id: number;
  department_name: string;
  found_at: Date;
  found_by: string;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
  alert: { id: number; level: AlertLevel; state: 'open' | 'acknowledged' | 'resolved'; resolution: 'auto' | 'manual' | null; resolvedAt: string | null; resolveReason: string | null } | null;
}

export async function findComplaintViolation(db: Db, complaintId: number): Promise<ComplaintViolation | null> {
  const [row] = await db<Row[]>`
    select ce.id as entry_id, ce.code as entry_code, ce.name as entry_name, v.item_id, i.title as item_title,
      v.department_id, d.name as department_name, v.found_at, v.found_by, v.withdrawn_at, v.withdrawn_by, v.withdraw_reason,
      (select json_build_object('id', a.id, 'level', a.level, 'state', a.state, 'resolution', a.resolution,
                'resolvedAt', a.resolved_at, 'resolveReason', a.resolve_reason)
       from alerts a where a.rule_kind = 'complaint_substantiated' and a.subject_type = 'complaint' and a.subject_id = v.complaint_id
       order by a.id desc limit 1) as alert
    from complaint_violations v
    join catalog_entries ce on ce.id = v.catalog_entry_id
    join departments d on d.id = v.department_id
    left join items i on i.id = v.item_id
    where v.complaint_id = ${complaintId}`;
  if (!row) return null;
  const names = await actorNames(db, [row.found_by, ...(row.withdrawn_by ? [row.withdrawn_by] : [])]);
  return {
    catalogEntry: { id: row.entry_id, code: row.entry_code, name: row.entry_name },
    item: row.item_id !== null ? { id: row.item_id, title: row.item_title ?? '' } : null,
    departmentId: row.department_id,
    departmentName: row.department_name,
    foundAt: row.found_at.toISOString(),
    foundBy: row.found_by,
    foundByName: names.get(row.found_by) ?? row.found_by,
    withdrawnAt: row.withdrawn_at ? row.withdrawn_at.toISOString() : null,
    withdrawnByName: row.withdrawn_by ? (names.get(row.withdrawn_by) ?? row.withdrawn_by) : null,
    withdrawReason: row.withdraw_reason,
    alert: row.alert ? { ...row.alert, resolvedAt: row.alert.resolvedAt ? new Date(row.alert.resolvedAt).toISOString() : null } : null,
  };
}
