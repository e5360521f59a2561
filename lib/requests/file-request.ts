// 申请接收: an applicant files online (no login: the request waits in `submitted` until the office confirms
// receipt, Art. 31), or staff register a letter (received the day it was signed for) or a visit (the day it was
// submitted) with its receivedAt. One transaction: the request, its first event, its clock, level and alert.
// An applicant who does not know the agency (不清楚) is received by the region's government office.
import type { Scope } from '../auth/scope';
import { isRegionInScope, scopeFilter } from '../auth/scope';
import type { AlertChange } from '../alerts/apply-findings';
import type { Calendar } from '../calendar/calendar';
import { getCalendar } from '../calendar/store/calendar-cache';
import { newTrackingCode } from '../complaints/tracking-code';
import type { Db, Sql } from '../db/sql';
import { correctionNoticeDue } from '../deadlines/request-clock';
import { refuse, type Refusal } from '../refusal';
import type { Rule } from '../rules/rule';
import { getRules } from '../rules/store/queries';
import { requestForSyncColumns, syncRequest, type RequestForSync } from './sync-request';
import type { IntakeInput } from './schemas';
import { resolveStepAt } from './step-at';

/** The applicant's actor name in events: no personal data in the timeline's actor column. */
export const APPLICANT_ACTOR = '申请人';

export type FileRequestResult =
  | { ok: true; id: number; trackingCode: string; changes: AlertChange[] }
  | Refusal<'invalid' | 'not_allowed' | 'out_of_scope' | 'unknown_reference'>;

type FileRefusal = Extract<FileRequestResult, { ok: false }>;

const refuseField = (kind: FileRefusal['refusal'], field: string, message: string): FileRefusal => refuse(kind, message, { [field]: message });

// A region's government office (人民政府办公室 / 办公厅, a park's 党政办公室) receives applications whose agency
// the applicant did not know; the seed names it <region>-gov-office, other data by its name.
const GOVERNMENT_OFFICE_NAME = '(人民政府办公室|人民政府办公厅|党政办公室)$';

interface Target {
  regionCode: string;
  departmentId: number;
  departmentUnknown: boolean;
  inScope: boolean;
}

async function resolveTarget(db: Db, scope: Scope | null, input: IntakeInput): Promise<Target | FileRefusal> {
  const [region] = await db<{ code: string; path: string }[]>`select code, path from regions where code = ${input.regionId}`;
  if (!region) return refuseField('unknown_reference', 'regionId', '受理区域不存在');
  const inScope = scope ? db`${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}` : db`true`;
  if (input.departmentId !== undefined) {
    const [department] = await db<{ id: number; in_scope: boolean }[]>`
      select d.id, ${inScope} as in_scope from departments d join regions r on r.code = d.region_code
      where d.id = ${input.departmentId} and d.region_code = ${region.code}`;
    if (!department) return refuseField('unknown_reference', 'departmentId', '受理机关不存在或不属于所选区域');
    return { regionCode: region.code, departmentId: department.id, departmentUnknown: false, inScope: department.in_scope };
  }
  const [office] = await db<{ id: number; in_scope: boolean }[]>`
    select d.id, ${inScope} as in_scope from departments d join regions r on r.code = d.region_code
    where d.region_code = ${region.code} and (d.code = ${`${region.code}-gov-office`} or d.name ~ ${GOVERNMENT_OFFICE_NAME})
    order by d.code = ${`${region.code}-gov-office`} desc, d.id
    limit 1`;
  if (!office) return refuseField('unknown_reference', 'departmentId', '该区域未设政府办公室，请选择受理机关');
  return { regionCode: region.code, departmentId: office.id, departmentUnknown: true, inScope: scope ? office.in_scope && isRegionInScope(scope, region.path) : true };
}

export interface FileRequestContext {
  /** Staff registering (null: the public form). */
  staff: Scope | null;
  input: IntakeInput;
  now: Date;
  rules: readonly Rule[];
  cal: Calendar;
  /** Given by the demo seed (deterministic); otherwise a fresh random code. */
  trackingCode?: string;
}

export async function fileRequest(sql: Sql, staff: Scope | null, input: IntakeInput, now: Date): Promise<FileRequestResult> {
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin((tx) => fileRequestIn(tx, { staff, input, now, rules, cal }));
}

/** fileRequest inside a caller's transaction (the demo seed replays history through it). */
export async function fileRequestIn(tx: Db, context: FileRequestContext): Promise<FileRequestResult> {
  const { staff, input, now, rules, cal, trackingCode = newTrackingCode() } = context;
  if (staff === null && input.channel !== 'online') {
    return refuseField('not_allowed', 'channel', '信函、当面申请由工作人员登记，网上只能提交网上申请');
  }
  if (input.channel === 'online' && input.receivedAt !== undefined) {
    return refuseField('invalid', 'receivedAt', '网上申请以工作人员确认收到之日为收到申请之日，提交时不能填写收到时间');
  }
  const target = await resolveTarget(tx, staff, input);
  if ('ok' in target) return target;
  if (!target.inScope) return refuseField('out_of_scope', 'departmentId', '该受理机关不在您的管辖范围内');

  let receivedAt: Date | null = null;
  if (input.channel !== 'online') {
    const step = resolveStepAt(input.receivedAt, new Date(0), now, '收到申请的时间');
    if (!step.ok) return refuseField('invalid', 'receivedAt', step.message);
    receivedAt = step.at;
  }
  const actor = staff?.username ?? APPLICANT_ACTOR;
  const state = receivedAt ? 'received' : 'submitted';
  const applicant = input.applicant;
  const [row] = await tx<{ id: number }[]>`
    insert into requests (tracking_code, channel, state, applicant_type, applicant_name, id_type, id_no, phone, email, address,
      region_code, department_id, department_unknown, description, purpose, format, delivery, submitted_at, received_at,
      correction_notice_due_at, clock_started_at, created_by, updated_at)
    values (${trackingCode}, ${input.channel}, ${state}, ${applicant.type}, ${applicant.name}, ${applicant.idType ?? null},
      ${applicant.idNo?.toUpperCase() ?? null}, ${applicant.phone}, ${applicant.email ?? null}, ${applicant.address ?? null},
      ${target.regionCode}, ${target.departmentId}, ${target.departmentUnknown}, ${input.description}, ${input.purpose ?? null},
      ${input.format ?? null}, ${input.delivery ?? null}, ${receivedAt ?? now}, ${receivedAt},
      ${receivedAt ? correctionNoticeDue(cal, receivedAt) : null}, ${receivedAt}, ${actor}, ${now})
    returning id`;
  const id = row!.id;
  await tx`
    insert into request_events (request_id, kind, at, recorded_at, actor, to_state, data)
    values (${id}, ${receivedAt ? 'received' : 'submitted'}, ${receivedAt ?? now}, ${now}, ${actor}, ${state},
      ${tx.json({ channel: input.channel, departmentUnknown: target.departmentUnknown })})`;
  const request = await findRequestForSync(tx, id);
  const changes = await syncRequest(tx, request!, rules, cal, now);
  return { ok: true, id, trackingCode, changes };
}

export async function findRequestForSync(db: Db, id: number, lock = false): Promise<RequestForSync | undefined> {
  const [row] = await db<RequestForSync[]>`
    select ${requestForSyncColumns(db)} from requests q join regions r on r.code = q.region_code
    where q.id = ${id} ${lock ? db`for update of q` : db``}`;
  return row;
}
