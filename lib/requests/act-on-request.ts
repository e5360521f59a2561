// Every step of the request workflow after intake (确认收到, 告知补正, 登记补正, 征求意见 and its end, 延期, 答复, 送达,
// 归档 or 视为放弃, 撤回): one transaction each, holding the request's row lock, with its request_event and the
// request's clock, level and alerts brought up to date. Which step is allowed is the pure state machine's;
// when it happened (`at`) is step-at.ts's — never in the future nor before the previous step.
import type { AlertChange } from '../alerts/apply-findings';
import { mayActOnRequest } from '../auth/permissions/request-access';
import type { Scope } from '../auth/scope';
import type { Calendar } from '../calendar/calendar';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db, Sql } from '../db/sql';
import { dueDayOf } from '../deadlines/due-day';
import { correctionClock, correctionNoticeDue } from '../deadlines/request-clock';
import { refuse, type Refusal } from '../refusal';
import type { Rule } from '../rules/rule';
import { getRules } from '../rules/store/queries';
import { REPLY_TYPE_LABELS, type RequestEventKind, type RequestState } from './request';
import { requestFacts, selectRequests, visibleRequests, type RequestRow, type StoredPause } from './queries';
import { requestParamsFor } from './request-params';
import type { ActionInput } from './schemas';
import { transition } from './state-machine';
import { resolveStepAt } from './step-at';
import { syncRequest } from './sync-request';

export type ActOnRequestResult =
  | { ok: true; id: number; state: RequestState; event: RequestEventKind; changes: AlertChange[] }
  | Refusal<'invalid' | 'not_found' | 'out_of_scope' | 'not_allowed' | 'conflict'>;

type ActRefusal = Extract<ActOnRequestResult, { ok: false }>;

const fail = (kind: ActRefusal['refusal'], message: string, field?: string): ActRefusal =>
  refuse(kind, message, field ? { [field]: message } : undefined);

export async function actOnRequest(sql: Sql, scope: Scope, id: number, input: ActionInput, now: Date): Promise<ActOnRequestResult> {
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin(async (tx) => {
    const [row] = await tx<(RequestRow & { in_scope: boolean; last_step_at: Date })[]>`
      ${selectRequests(
        tx,
        tx`, ${visibleRequests(tx, scope)} as in_scope,
          (select max(e.at) from request_events e where e.request_id = q.id) as last_step_at`,
      )}
      where q.id = ${id}
      for update of q`;
    if (!row) return fail('not_found', '申请不存在');
    const decision = mayActOnRequest(scope, { inScope: row.in_scope });
    if (!decision.ok) {
      return decision.reason === 'outside' ? fail('out_of_scope', '该申请不在您的管辖范围内') : fail('not_allowed', '当前角色无权办理政府信息公开申请');
    }
    return actOnRequestIn(tx, { row, input, now, actor: scope.username, rules, cal });
  });
}

export interface ActContext {
  row: RequestRow & { last_step_at: Date };
  input: ActionInput;
  now: Date;
  actor: string;
  rules: readonly Rule[];
  cal: Calendar;
}

/** One step on a locked request, inside the caller's transaction (the demo seed replays history through it). */
export async function actOnRequestIn(tx: Db, { row, input, now, actor, rules, cal }: ActContext): Promise<ActOnRequestResult> {
  const moved = transition(row.state, input.action, requestFacts(row, now));
  if (!moved.ok) return fail('conflict', moved.message, 'action');

  const given = 'at' in input ? input.at : undefined;
  const step = resolveStepAt(given, row.last_step_at, now);
  if (!step.ok) return fail('invalid', step.message, 'at');
  const at = step.at;

  // the columns this step sets, and the event's data
  const set: Record<string, unknown> = {};
  let data: Record<string, unknown> | null = null;
  let note: string | null = null;
  switch (input.action) {
    case 'confirm_receipt':
      // Art. 31: an online application is received the day the office confirms it; the reply clock starts
      Object.assign(set, { received_at: at, clock_started_at: at, correction_notice_due_at: correctionNoticeDue(cal, at) });
      break;
    case 'request_correction': {
      // Art. 30: once, within 7 working days of receipt
      if (row.correction_notice_due_at && at.getTime() >= row.correction_notice_due_at.getTime()) {
        return fail('conflict', `补正须在收到申请之日起 7 个工作日内告知（截至 ${dueDayOf(row.correction_notice_due_at)}），已超过期限`, 'at');
      }
      const workingDays = input.periodWorkingDays ?? requestParamsFor(rules, row.region_path).correctionPeriodWorkingDays;
      const dueAt = correctionClock(cal, at, workingDays).dueAt;
      Object.assign(set, { correction_requested_at: at, correction_what: input.what, correction_working_days: workingDays, correction_due_at: dueAt });
      data = { what: input.what, periodWorkingDays: workingDays, dueAt: dueAt.toISOString(), dueDay: dueDayOf(dueAt) };
      break;
    }
    case 'record_correction':
      // Art. 30: the reply is counted from the day the corrected application is received; the earlier
      // consultations belong to the count that ended
      if (row.correction_due_at && at.getTime() >= row.correction_due_at.getTime()) {
        return fail('conflict', `补正期限已于 ${dueDayOf(row.correction_due_at)} 届满，申请人逾期未补正，应按视为放弃申请归档`, 'at');
      }
      Object.assign(set, { corrected_at: at, clock_started_at: at, pauses: [] });
      note = input.note ?? null;
      break;
    case 'start_consultation':
      set.pauses = [...row.pauses, { from: at.toISOString(), to: null, with: input.with } satisfies StoredPause];
      data = { with: input.with };
      break;
    case 'end_consultation': {
      const pauses = row.pauses.map((pause, index) => (index === row.pauses.length - 1 ? { ...pause, to: at.toISOString() } : pause));
      set.pauses = pauses;
      data = { with: row.pauses[row.pauses.length - 1]?.with ?? null };
      note = input.note ?? null;
      break;
    }
    case 'extend':
      // Art. 33: approved by the head of the disclosure office, before the reply is late, once
      if (row.due_at && at.getTime() >= row.due_at.getTime()) {
        return fail('conflict', `答复期限已于 ${dueDayOf(row.due_at)} 届满，不能再延期`, 'at');
      }
      Object.assign(set, {
        extended_working_days: input.workingDays,
        extended_at: at,
        extension_approver: input.approver,
        extension_reason: input.reason,
      });
      data = { workingDays: input.workingDays, approver: input.approver, reason: input.reason };
      break;
    case 'reply':
      Object.assign(set, {
        replied_at: at,
        reply_type: input.type,
        reply_text: input.text,
        reply_basis: input.basis ?? null,
        reply_ground: input.ground ?? null,
        reply_attachments: input.attachments ?? [],
      });
      data = { type: input.type, label: REPLY_TYPE_LABELS[input.type], onTime: row.due_at ? at.getTime() < row.due_at.getTime() : null };
      break;
    case 'deliver':
      Object.assign(set, { delivered_at: at, delivery_method: input.method });
      data = { method: input.method };
      break;
    case 'close':
      set.closed_at = at;
      note = input.note ?? null;
      break;
    case 'withdraw':
      set.closed_at = at;
      // a consultation under way ends with the application
      if (row.state === 'consulting') {
        set.pauses = row.pauses.map((pause, index) => (index === row.pauses.length - 1 ? { ...pause, to: at.toISOString() } : pause));
      }
      note = input.note ?? null;
      break;
  }

  const to = moved.to;
  const version = moved.stateChanged ? row.version + 1 : row.version;
  const updated = { ...set, state: to, version, updated_at: now };
  if ('pauses' in updated) updated.pauses = tx.json(updated.pauses as never);
  if ('reply_attachments' in updated) updated.reply_attachments = tx.json(updated.reply_attachments as never);
  const [after] = await tx<RequestRow[]>`
    update requests q set ${tx(updated as never)}
    from regions r
    where q.id = ${row.id} and r.code = q.region_code
    returning q.*, r.path as region_path`;
  await tx`
    insert into request_events (request_id, kind, at, recorded_at, actor, from_state, to_state, note, data)
    values (${row.id}, ${moved.event}, ${at}, ${now}, ${actor}, ${row.state}, ${to}, ${note}, ${data ? tx.json(data as never) : null})`;
  const changes = await syncRequest(tx, after!, rules, cal, now);
  return { ok: true, id: row.id, state: to, event: moved.event, changes };
}
