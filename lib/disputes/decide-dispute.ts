// 申诉处理 by the disclosure office: accept (申诉成立) — an alert is resolved as an accepted exception with the
// reason (its event and the item's replay say 申诉成立), a deduction is withdrawn (lib/complaints/record-violation.ts)
// — or reject (驳回) with a reason. The decision, its effects, the rescore it owes and its audit row commit together.
import type { AlertChange } from '../alerts/apply-findings';
import { resolveAlertIn } from '../alerts/resolve-alert';
import { recordAudit } from '../audit/record-audit';
import { scopeFilter, type Scope } from '../auth/scope';
import { withdrawViolation } from '../complaints/record-violation';
import type { Sql } from '../db/sql';
import { oweJobs } from '../jobs/owed-jobs';
import { refuse, type Refusal } from '../refusal';
import { owedScoreTouches, touchesForAlerts } from '../scoring/store/score-job';
import { findDisputeInScope, type Dispute } from './queries';
import type { DecideDisputeInput } from './schemas';

export type DecideDisputeResult =
  | { ok: true; dispute: Dispute; changes: AlertChange[] }
  | Refusal<'not_found' | 'out_of_scope' | 'conflict'>;

/** The resolve reason and event note of an alert whose dispute was accepted. */
export const acceptedDisputeNote = (disputeId: number, reason: string) => `申诉成立（申诉 ${disputeId}）：${reason}`;

export async function decideDispute(sql: Sql, scope: Scope, id: number, input: DecideDisputeInput, at: Date): Promise<DecideDisputeResult> {
  return sql.begin(async (tx) => {
    const [row] = await tx<
      { state: string; subject_type: 'alert' | 'deduction'; alert_id: number | null; complaint_id: number | null; in_scope: boolean }[]
    >`
      select ds.state, ds.subject_type, ds.alert_id, ds.complaint_id,
        ${scopeFilter(tx, scope, { regionPath: 'r.path', departmentId: 'ds.department_id' })} as in_scope
      from disputes ds join regions r on r.code = ds.region_code
      where ds.id = ${id} for update of ds`;
    if (!row) return refuse('not_found', '申诉不存在');
    if (!row.in_scope) return refuse('out_of_scope', '该申诉不在您的管辖范围内');
    if (row.state !== 'pending') return refuse('conflict', '该申诉已处理，不能重复处理');

    const accepted = input.decision === 'accept';
    await tx`
      update disputes set state = ${accepted ? 'accepted' : 'rejected'}, decided_at = ${at}, decided_by = ${scope.username},
        decision_reason = ${input.reason}
      where id = ${id}`;
    const changes: AlertChange[] = [];
    if (accepted && row.subject_type === 'alert') {
      const alertId = row.alert_id!;
      // the single 解除's own path (its event, its seq); an alert resolved meanwhile is left as it is
      const resolved = await resolveAlertIn(tx, scope, alertId, acceptedDisputeNote(id, input.reason), at);
      if (resolved.ok && resolved.changed) changes.push({ alertId, change: 'updated' });
      // a red alert's deduction goes with an accepted dispute even when the alert had resolved meanwhile
      await oweJobs(tx, owedScoreTouches(await touchesForAlerts(tx, [alertId])));
    }
    if (accepted && row.subject_type === 'deduction') {
      const withdrawn = await withdrawViolation(tx, {
        complaintId: row.complaint_id!,
        reason: acceptedDisputeNote(id, input.reason),
        actorName: scope.username,
        at,
      });
      // withdrawn by the handler meanwhile: the deduction is already gone, the dispute still stands accepted
      if (withdrawn.ok) changes.push(...withdrawn.changes);
    }
    await recordAudit(tx, {
      actor: scope.username,
      entity: 'dispute',
      entityId: id,
      action: accepted ? 'accept' : 'reject',
      before: { state: 'pending' },
      after: { state: accepted ? 'accepted' : 'rejected', reason: input.reason },
    });
    const dispute = await findDisputeInScope(tx, scope, id);
    if (typeof dispute === 'string') throw new Error(`dispute ${id} vanished in its own transaction`);
    return { ok: true, dispute, changes };
  });
}
