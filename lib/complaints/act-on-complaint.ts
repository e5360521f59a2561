// Every step of the lifecycle after intake (派单, 签收, 办理, 回退, 延期, 答复, 催办, 评价, 办结 with its 属实/不属实
// finding, 备注, 撤销属实认定): one transaction each, holding the complaint's row lock, with its complaint_event,
// the SLA level and alerts brought up to date. Which step is allowed is decided by the pure state machine.
import type postgres from 'postgres';
import type { AlertChange } from '../alerts/apply-findings';
import { complaintActorFor } from '../auth/permissions/complaint-access';
import { isRegionInScope, scopeFilter, type Scope } from '../auth/scope';
import type { Calendar } from '../calendar/calendar';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db, Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import { getRules } from '../rules/store/queries';
import type { Rule } from '../rules/rule';
import { SATISFACTION_LABELS, type ComplaintEventKind, type ComplaintState } from './complaint';
import { CITIZEN_ACTOR } from './file-complaint';
import { phoneLast4 } from './mask';
import { recordViolation, withdrawViolation } from './record-violation';
import type { ActionInput, PublicRatingInput } from './schemas';
import { acceptDueTime, checkExtension, intakeDueTimes, workingDaysDue } from './sla';
import { slaParamsFor } from './sla-params';
import { transition, type Actor } from './state-machine';
import { findComplaintForSla, syncComplaintSla } from './sync-complaint-sla';

export type ActResult =
  | { ok: true; id: number; state: ComplaintState; events: ComplaintEventKind[]; changes: AlertChange[] }
  | Refusal<'invalid' | 'not_found' | 'out_of_scope' | 'not_allowed' | 'conflict' | 'unknown_reference'>;

interface LockedComplaint {
  id: number;
  tracking_code: string;
  version: number;
  state: ComplaintState;
  phone: string;
  region_code: string;
  region_path: string;
  department_id: number | null;
  assigned_at: Date | null;
  reply_due_at: Date;
  catalog_entry_id: number | null;
  domain: string | null;
  in_scope: boolean;
  has_standing_violation: boolean;
}

const fail = (kind: Extract<ActResult, { ok: false }>['refusal'], message: string, field?: string): ActResult =>
  refuse(kind, message, field ? { [field]: message } : undefined);

async function lockComplaint(tx: Db, where: postgres.Fragment, scope: Scope | null): Promise<LockedComplaint | undefined> {
  const visible = scope
    ? scopeFilter(tx, scope, { regionPath: 'r.path', departmentId: 'c.department_id' })
    : tx`true`;
  const [row] = await tx<LockedComplaint[]>`
    select c.id, c.tracking_code, c.version, c.state, c.phone, c.region_code, r.path as region_path, c.department_id, c.assigned_at, c.reply_due_at,
      c.catalog_entry_id, ce.domain, ${visible} as in_scope,
      exists (select 1 from complaint_violations v where v.complaint_id = c.id and v.withdrawn_at is null) as has_standing_violation
    from complaints c join regions r on r.code = c.region_code
    left join catalog_entries ce on ce.id = c.catalog_entry_id
    where ${where}
    for update of c`;
  return row;
}

/** A signed-in handler, department user or supervisor (催办) acts on complaint `id`. */
export async function actOnComplaint(sql: Sql, scope: Scope, id: number, input: ActionInput, at: Date): Promise<ActResult> {
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin(async (tx) => {
    const complaint = await lockComplaint(tx, tx`c.id = ${id}`, scope);
    if (!complaint) return fail('not_found', '投诉件不存在');
    const decision = complaintActorFor(scope, { inScope: complaint.in_scope, departmentId: complaint.department_id, assignedAt: complaint.assigned_at });
    if (!decision.ok) {
      return decision.reason === 'outside' ? fail('out_of_scope', '该投诉件不在您的管辖范围内') : fail('not_allowed', '当前角色无权办理投诉件');
    }
    return apply(tx, { complaint, actor: decision.actor, actorName: scope.username, scope, input, at, rules, cal });
  });
}

export interface ActContext {
  complaintId: number;
  actor: Actor;
  actorName: string;
  /** The acting handler's scope, for the departments a complaint may be dispatched to. */
  scope: Scope | null;
  input: ActionInput;
  at: Date;
  rules: readonly Rule[];
  cal: Calendar;
}

/** One step inside a caller's transaction, the actor already established (the demo seed replays history). */
export async function actInTransaction(tx: Db, ctx: ActContext): Promise<ActResult> {
  const complaint = await lockComplaint(tx, tx`c.id = ${ctx.complaintId}`, null);
  if (!complaint) return fail('not_found', '投诉件不存在');
  return apply(tx, { ...ctx, complaint });
}

/**
 * The citizen rates the reply from the tracking page: the tracking code and the phone's last 4 digits are
 * the only credentials, and a wrong pair is 'missing' exactly like an unknown code.
 */
export async function rateAsCitizen(sql: Sql, trackingCode: string, input: PublicRatingInput, at: Date): Promise<ActResult> {
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin(async (tx) => {
    const complaint = await lockComplaint(tx, tx`c.tracking_code = ${trackingCode}`, null);
    if (!complaint || phoneLast4(complaint.phone) !== input.phone4) return fail('not_found', '未找到该投诉件，请核对查询码和手机号后4位');
    const action: ActionInput = { action: 'rate', satisfaction: input.satisfaction, comment: input.comment };
    return apply(tx, { complaint, actor: 'citizen', actorName: CITIZEN_ACTOR, scope: null, input: action, at, rules, cal });
  });
}

type ApplyContext = Omit<ActContext, 'complaintId'> & { complaint: LockedComplaint };

async function apply(tx: Db, ctx: ApplyContext): Promise<ActResult> {
  const { complaint, input, at, actorName } = ctx;
  const step = transition(
    complaint.state,
    input.action,
    ctx.actor,
    input.action === 'rate' ? input.satisfaction : undefined,
    complaint.has_standing_violation,
  );
  if (!step.ok) return fail(step.reason === 'actor' ? 'not_allowed' : 'conflict', step.message);
  const params = slaParamsFor(ctx.rules, { regionPath: complaint.region_path, domain: complaint.domain, catalogEntryId: complaint.catalog_entry_id });
  const from = complaint.state;
  const to = step.to;
  const events: ComplaintEventKind[] = [];
  const violationChanges: AlertChange[] = [];
  const event = async (kind: ComplaintEventKind, note: string | null, data: Record<string, unknown> | null = null, states = true) => {
    events.push(kind);
    await tx`
      insert into complaint_events (complaint_id, kind, at, actor, from_state, to_state, note, data)
      values (${complaint.id}, ${kind}, ${at}, ${actorName}, ${states ? from : null}, ${states ? to : null}, ${note},
        ${data ? tx.json(data as never) : null})`;
  };

  switch (input.action) {
    case 'assign': {
      const [target] = await tx<{ name: string; region_code: string; region_path: string; in_scope: boolean; position_name: string | null; position_department_id: number | null }[]>`
        select d.name, d.region_code, r.path as region_path, ${ctx.scope ? scopeFilter(tx, ctx.scope, { regionPath: 'r.path', departmentId: 'd.id' }) : tx`false`} as in_scope,
          p.name as position_name, p.department_id as position_department_id
        from departments d join regions r on r.code = d.region_code
        left join positions p on p.id = ${input.positionId ?? null}
        where d.id = ${input.departmentId}`;
      if (!target) return fail('unknown_reference', '承办部门不存在', 'departmentId');
      if (!target.in_scope) return fail('out_of_scope', '承办部门不在您的管辖范围内', 'departmentId');
      // a complaint waiting in a city's or the province's queue (filed without a department) goes down to
      // the department of a region below; never sideways to another region's
      if (!isRegionInScope({ regionPath: complaint.region_path }, target.region_path)) {
        return fail('invalid', '只能派单给投诉件所在区域（含下级区域）的部门', 'departmentId');
      }
      const positionId = input.positionId ?? null;
      if (positionId !== null && target.position_department_id !== input.departmentId) {
        return fail('unknown_reference', target.position_name === null ? '岗位不存在' : '该岗位不属于所选部门', 'positionId');
      }
      await tx`
        update complaints set department_id = ${input.departmentId}, region_code = ${target.region_code}, position_id = ${positionId}, assigned_at = ${at},
          accept_due_at = ${acceptDueTime(ctx.cal, at, params)}, accepted_at = null, returned_reason = null
        where id = ${complaint.id}`;
      const assignee = target.position_name ? `${target.name} · ${target.position_name}` : target.name;
      await event('assigned', input.note ?? `派单至${assignee}`, {
        departmentId: input.departmentId,
        departmentName: target.name,
        positionId,
        positionName: target.position_name,
      });
      break;
    }
    case 'accept':
      await tx`update complaints set accepted_at = ${at} where id = ${complaint.id}`;
      await event('accepted', input.note ?? null);
      break;
    case 'start':
      await event('started', input.note ?? null);
      break;
    case 'return':
      // back to the handler, who must dispatch it again within the dispatch limit
      await tx`
        update complaints set returned_reason = ${input.note}, accepted_at = null, accept_due_at = null,
          assign_due_at = ${workingDaysDue(ctx.cal, at, params.assignWorkingDays)}
        where id = ${complaint.id}`;
      await event('returned', input.note);
      break;
    case 'extend': {
      const extension = checkExtension(ctx.cal, complaint.reply_due_at, input.dueDate);
      if (!extension.ok) return fail('unknown_reference', extension.message, 'dueDate');
      // reply_due_at becomes the new due date: 按时办结 is measured against it
      await tx`update complaints set reply_due_at = ${extension.replyDueAt}, extended_at = ${at} where id = ${complaint.id}`;
      await event('extended', input.note, {
        fromDueAt: complaint.reply_due_at.toISOString(),
        toDueAt: extension.replyDueAt.toISOString(),
        dueDate: input.dueDate,
        workingDays: extension.workingDays,
      });
      break;
    }
    case 'reply':
      await tx`update complaints set reply = ${input.reply}, replied_at = ${at} where id = ${complaint.id}`;
      await event('replied', input.reply);
      break;
    case 'remind':
      await event('reminded', input.note ?? '请尽快办理', null, false);
      break;
    case 'rate':
      await tx`
        update complaints set satisfaction = ${input.satisfaction}, rating_comment = ${input.comment ?? null}
        where id = ${complaint.id}`;
      await event('rated', input.comment ?? null, { satisfaction: input.satisfaction, label: SATISFACTION_LABELS[input.satisfaction] });
      if (to === 'closed') {
        await tx`update complaints set closed_at = ${at} where id = ${complaint.id}`;
        await event('closed', `回访评价：${SATISFACTION_LABELS[input.satisfaction]}`);
      } else {
        // 重办: a new round with fresh due times; the first round stays in the events
        const due = intakeDueTimes(ctx.cal, at, params);
        await tx`
          update complaints set replied_at = null, accepted_at = null, accept_due_at = null,
            assign_due_at = ${due.assignDueAt}, reply_due_at = ${due.replyDueAt}
          where id = ${complaint.id}`;
        await event('reopened', `群众评价${SATISFACTION_LABELS[input.satisfaction]}，重新办理`);
      }
      break;
    case 'close': {
      // 属实 names what was not properly published; 不属实 (or no finding) records nothing against anyone
      let data: Record<string, unknown> | null = input.finding ? { finding: input.finding } : null;
      if (input.finding === 'substantiated') {
        if (input.catalogEntryId === undefined) return fail('invalid', '认定属实时请选择未按规定公开的公开事项', 'catalogEntryId');
        const recorded = await recordViolation(tx, {
          complaint: { id: complaint.id, trackingCode: complaint.tracking_code, version: complaint.version + 1 },
          catalogEntryId: input.catalogEntryId,
          itemId: input.itemId ?? null,
          scope: ctx.scope,
          actorName,
          at,
          rules: ctx.rules,
        });
        if (!recorded.ok) return recorded;
        violationChanges.push(...recorded.changes);
        data = recorded.data;
      } else if (input.catalogEntryId !== undefined || input.itemId !== undefined) {
        return fail('invalid', '只有认定属实时才需选择公开事项和公开信息', input.catalogEntryId !== undefined ? 'catalogEntryId' : 'itemId');
      }
      await tx`update complaints set closed_at = ${at}, finding = ${input.finding ?? null} where id = ${complaint.id}`;
      await event('closed', input.note, data);
      break;
    }
    case 'withdraw_finding': {
      const withdrawn = await withdrawViolation(tx, { complaintId: complaint.id, reason: input.note, actorName, at });
      if (!withdrawn.ok) return withdrawn;
      violationChanges.push(...withdrawn.changes);
      await event('finding_withdrawn', input.note, null, false);
      break;
    }
    case 'note':
      await event('noted', input.note, null, false);
      break;
  }

  await tx`
    update complaints set state = ${to}, updated_at = ${at},
      version = version + ${step.stateChanged ? 1 : 0}
    where id = ${complaint.id}`;
  const forSla = await findComplaintForSla(tx, complaint.id);
  const changes = await syncComplaintSla(tx, forSla!, ctx.rules, ctx.cal, at);
  return { ok: true, id: complaint.id, state: to, events, changes: [...changes, ...violationChanges] };
}
