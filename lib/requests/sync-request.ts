// Brings one request's clock columns, level, next_check_at and its alerts in line with its state and the time:
// shared by every step of the workflow (in its transaction) and by the sweep. One alert kind per phase —
// request_confirm, request_correction, request_reply — so the alerts of the other phases resolve when the
// request moves on. Alerts go through lib/alerts/apply-findings.ts like every other rule's findings; their
// message and details carry the tracking code, never the applicant.
import { applyFindings, type AlertChange, type Clearing, type Finding } from '../alerts/apply-findings';
import type { Calendar } from '../calendar/calendar';
import type { Db } from '../db/sql';
import { requestStatus, type RequestStatus } from '../deadlines/request-status';
import { PHASE_RULE_KINDS, REQUEST_RULE_KINDS, requestFinding, requestMessage } from '../rules/request-rule';
import type { Rule } from '../rules/rule';
import { consultationsOf, type RequestRow } from './queries';
import { requestParamsFor } from './request-params';
import { STATE_LABELS } from './request';

export type RequestForSync = Pick<
  RequestRow,
  | 'id'
  | 'tracking_code'
  | 'state'
  | 'region_code'
  | 'region_path'
  | 'department_id'
  | 'version'
  | 'level'
  | 'next_check_at'
  | 'submitted_at'
  | 'clock_started_at'
  | 'pauses'
  | 'extended_working_days'
  | 'correction_requested_at'
  | 'correction_working_days'
  | 'warn_at'
  | 'due_at'
  | 'severe_at'
  | 'paused_working_days'
  | 'is_provisional'
  | 'confirm_due_at'
>;

/** Columns of RequestForSync from `requests q join regions r`. */
export function requestForSyncColumns(db: Db) {
  return db`q.id, q.tracking_code, q.state, q.region_code, r.path as region_path, q.department_id, q.version, q.level,
    q.next_check_at, q.submitted_at, q.clock_started_at, q.pauses, q.extended_working_days, q.correction_requested_at,
    q.correction_working_days, q.warn_at, q.due_at, q.severe_at, q.paused_working_days, q.is_provisional, q.confirm_due_at`;
}

export function statusOf(request: RequestForSync, rules: readonly Rule[], cal: Calendar, at: Date): RequestStatus {
  return requestStatus(
    cal,
    {
      state: request.state,
      submittedAt: request.submitted_at,
      clockStartedAt: request.clock_started_at,
      consultations: consultationsOf(request),
      extendedWorkingDays: request.extended_working_days,
      correctionRequestedAt: request.correction_requested_at,
      correctionWorkingDays: request.correction_working_days,
    },
    requestParamsFor(rules, request.region_path),
    at,
  );
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export async function syncRequest(tx: Db, request: RequestForSync, rules: readonly Rule[], cal: Calendar, at: Date): Promise<AlertChange[]> {
  const status = statusOf(request, rules, cal, at);
  // the reply clock's columns follow it while it runs; once replied (or closed) they keep where it stood
  const reply = status.reply;
  const columns = reply
    ? { warn_at: reply.warnAt, due_at: reply.dueAt, severe_at: reply.severeAt, paused: reply.pausedWorkingDays, provisional: reply.provisional }
    : request.state === 'correction_requested'
      ? { warn_at: null, due_at: null, severe_at: null, paused: 0, provisional: false }
      : { warn_at: request.warn_at, due_at: request.due_at, severe_at: request.severe_at, paused: request.paused_working_days, provisional: request.is_provisional };
  // while it waits for 确认收到, the row keeps that deadline for the queue
  const confirmDueAt = status.phase === 'confirm' && status.clock ? status.clock.dueAt : request.confirm_due_at;
  const changed =
    !sameTime(confirmDueAt, request.confirm_due_at) ||
    status.level !== request.level ||
    !sameTime(status.nextCheckAt, request.next_check_at) ||
    !sameTime(columns.warn_at, request.warn_at) ||
    !sameTime(columns.due_at, request.due_at) ||
    !sameTime(columns.severe_at, request.severe_at) ||
    columns.paused !== request.paused_working_days ||
    columns.provisional !== request.is_provisional;
  if (changed) {
    await tx`
      update requests set level = ${status.level}, next_check_at = ${status.nextCheckAt}, warn_at = ${columns.warn_at},
        due_at = ${columns.due_at}, severe_at = ${columns.severe_at}, paused_working_days = ${columns.paused},
        is_provisional = ${columns.provisional}, confirm_due_at = ${confirmDueAt}
      where id = ${request.id}`;
  }
  const finding = requestFinding(rules, request.region_path, status);
  const raise: Finding[] = finding
    ? [
        {
          ruleKind: finding.rule.kind,
          subjectType: 'request',
          subjectId: request.id,
          ruleId: finding.rule.id,
          level: finding.level,
          subjectVersion: request.version,
          requestId: request.id,
          departmentId: request.department_id,
          regionCode: request.region_code,
          message: requestMessage(finding.level, finding.phase, request.tracking_code, finding.dueAt),
          details: { phase: finding.phase, dueAt: finding.dueAt.toISOString(), trackingCode: request.tracking_code, requestId: request.id },
        },
      ]
    : [];
  const raisedKind = finding?.rule.kind ?? null;
  const phaseKind = status.phase ? PHASE_RULE_KINDS[status.phase] : null;
  const clear: Clearing[] = REQUEST_RULE_KINDS.filter((kind) => kind !== raisedKind).map((kind) => ({
    ruleKind: kind,
    subjectType: 'request',
    subjectId: request.id,
    note: clearNote(kind === phaseKind, request.state, status.level),
  }));
  return applyFindings(tx, { raise, clear }, at);
}

function clearNote(isCurrentPhase: boolean, state: RequestForSync['state'], level: RequestStatus['level']): string {
  if (!isCurrentPhase) return `申请${STATE_LABELS[state]}`;
  return level === 'none' ? '申请已按时办理' : '依申请公开预警规则已停用';
}
