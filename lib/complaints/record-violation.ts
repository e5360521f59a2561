// 投诉属实 counts: a handler who closes a complaint as substantiated names the catalog entry (and item) that
// was not properly published, and a violation is recorded against the entry's responsible department — a
// complaint_violations row (the score's deduction for the month, lib/scoring/store/gather-facts.ts), an alert
// of rule kind complaint_substantiated on the complaint (resolved when the department publishes under the
// entry or item, lib/complaints/remedied-violations.ts), and the rescore it makes owed. Withdrawing the
// finding with a reason removes the deduction and resolves the alert as an accepted exception. Both run in
// the complaint action's transaction (act-on-complaint.ts), which holds the complaint's row lock.
import { raiseAlert, type AlertChange } from '../alerts/apply-findings';
import { lockAlertSeq } from '../alerts/alert-seq-lock';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import { oweJobs } from '../jobs/owed-jobs';
import { refuse, type Refusal } from '../refusal';
import { substantiatedMessage, substantiatedRule } from '../rules/complaint-substantiated-rule';
import type { Rule } from '../rules/rule';
import { periodOf } from '../scoring/period';
import { owedScoreTouches } from '../scoring/store/score-job';

export type ViolationResult =
  | { ok: true; changes: AlertChange[]; data: Record<string, unknown> }
  | Refusal<'invalid' | 'out_of_scope' | 'conflict' | 'unknown_reference'>;

export interface ViolationInput {
  complaint: { id: number; trackingCode: string; version: number };
  catalogEntryId: number;
  itemId: number | null;
  /** The handler's scope: the entry must be one of its departments'; null when the seed replays history. */
  scope: Scope | null;
  actorName: string;
  at: Date;
  rules: readonly Rule[];
}

interface EntryRow {
  id: number;
  name: string;
  domain: string;
  department_id: number;
  department_name: string;
  position_id: number | null;
  region_code: string;
  region_path: string;
  in_scope: boolean;
}

export async function recordViolation(tx: Db, input: ViolationInput): Promise<ViolationResult> {
  const visible = input.scope ? scopeFilter(tx, input.scope, { regionPath: 'r.path', departmentId: 'ce.department_id' }) : tx`true`;
  const [entry] = await tx<EntryRow[]>`
    select ce.id, ce.name, ce.domain, ce.department_id, d.name as department_name, ce.position_id, d.region_code,
      r.path as region_path, ${visible} as in_scope
    from catalog_entries ce join departments d on d.id = ce.department_id join regions r on r.code = d.region_code
    where ce.id = ${input.catalogEntryId}`;
  if (!entry) return refuse('unknown_reference', '公开事项不存在', { catalogEntryId: '公开事项不存在' });
  if (!entry.in_scope) return refuse('out_of_scope', '该公开事项不在您的管辖范围内', { catalogEntryId: '该公开事项不在您的管辖范围内' });
  let itemTitle: string | null = null;
  if (input.itemId !== null) {
    const [item] = await tx<{ title: string; catalog_entry_id: number }[]>`
      select title, catalog_entry_id from items where id = ${input.itemId}`;
    if (!item) return refuse('unknown_reference', '公开信息不存在', { itemId: '公开信息不存在' });
    if (item.catalog_entry_id !== entry.id) return refuse('invalid', '该公开信息不属于所选公开事项', { itemId: '该公开信息不属于所选公开事项' });
    itemTitle = item.title;
  }
  const [inserted] = await tx<{ id: number }[]>`
    insert into complaint_violations (complaint_id, catalog_entry_id, item_id, department_id, position_id, region_code, found_at, found_by)
    values (${input.complaint.id}, ${entry.id}, ${input.itemId}, ${entry.department_id}, ${entry.position_id}, ${entry.region_code},
      ${input.at}, ${input.actorName})
    on conflict (complaint_id) do nothing
    returning id`;
  if (!inserted) return refuse('conflict', '该投诉件已记录过属实认定');

  const changes: AlertChange[] = [];
  const rule = substantiatedRule(input.rules, { regionPath: entry.region_path, domain: entry.domain, entryId: entry.id });
  if (rule) {
    const raised = await raiseAlert(
      tx,
      {
        ruleKind: 'complaint_substantiated',
        subjectType: 'complaint',
        subjectId: input.complaint.id,
        ruleId: rule.id,
        level: rule.level,
        subjectVersion: input.complaint.version,
        itemId: input.itemId,
        complaintId: input.complaint.id,
        departmentId: entry.department_id,
        positionId: entry.position_id,
        regionCode: entry.region_code,
        domain: entry.domain,
        message: substantiatedMessage(input.complaint.trackingCode, entry.name, itemTitle),
        details: { trackingCode: input.complaint.trackingCode, catalogEntryId: entry.id, itemId: input.itemId },
      },
      input.at,
    );
    if (raised) changes.push(raised);
  }
  await oweJobs(tx, owedScoreTouches([{ departmentId: entry.department_id, period: periodOf(input.at) }]));
  return {
    ok: true,
    changes,
    data: {
      finding: 'substantiated',
      catalogEntryId: entry.id,
      entryName: entry.name,
      itemId: input.itemId,
      itemTitle,
      departmentId: entry.department_id,
      departmentName: entry.department_name,
    },
  };
}

/** Whether the complaint carries a substantiated finding that has not been withdrawn. */
export async function hasStandingViolation(db: Db, complaintId: number): Promise<boolean> {
  const [row] = await db<{ id: number }[]>`
    select id from complaint_violations where complaint_id = ${complaintId} and withdrawn_at is null`;
  return row !== undefined;
}

/**
 * 撤销属实认定: the deduction goes (the month of the finding is rescored) and the alert, if still unresolved,
 * is resolved by hand with the reason, as an accepted exception.
 */
export async function withdrawViolation(
  tx: Db,
  input: { complaintId: number; reason: string; actorName: string; at: Date },
): Promise<{ ok: true; changes: AlertChange[] } | Refusal<'conflict'>> {
  const [violation] = await tx<{ department_id: number; found_at: Date }[]>`
    update complaint_violations set withdrawn_at = ${input.at}, withdrawn_by = ${input.actorName}, withdraw_reason = ${input.reason}
    where complaint_id = ${input.complaintId} and withdrawn_at is null
    returning department_id, found_at`;
  if (!violation) return refuse('conflict', '该投诉件没有可撤销的属实认定');
  const changes: AlertChange[] = [];
  const [alert] = await tx<{ id: number }[]>`
    select id from alerts
    where rule_kind = 'complaint_substantiated' and subject_type = 'complaint' and subject_id = ${input.complaintId}
      and state <> 'resolved'`;
  if (alert) {
    await lockAlertSeq(tx);
    const [row] = await tx<{ seq: number; level: string }[]>`
      update alerts set state = 'resolved', resolution = 'manual', resolve_reason = ${`撤销属实认定：${input.reason}`},
        resolved_at = ${input.at}, resolved_by = ${input.actorName}, seq = nextval('alert_seq'), updated_at = ${input.at}
      where id = ${alert.id} and state <> 'resolved'
      returning seq, level`;
    if (row) {
      await tx`
        insert into alert_events (alert_id, seq, kind, at, actor, from_level, note)
        values (${alert.id}, ${row.seq}, 'resolved', ${input.at}, ${input.actorName}, ${row.level}, ${`撤销属实认定：${input.reason}`})`;
      changes.push({ alertId: alert.id, change: 'updated' });
    }
  }
  await oweJobs(tx, owedScoreTouches([{ departmentId: violation.department_id, period: periodOf(violation.found_at) }]));
  return { ok: true, changes };
}
