// 受理: a handler registers a phone / on-site complaint, or a citizen files one online (DESIGN §1
// Complaints, §3 POST /api/v1/complaints). One transaction: the complaint, its 'received' event, its SLA
// level and alert. The department it concerns comes from departmentId, the item, or the catalog entry; when
// none names one (citizens rarely know who is responsible), it waits for dispatch (派单) in the queue of the
// region chosen, or of the handler's region, or of the province's.
import type { Scope } from '../auth/scope';
import { isRegionInScope, scopeFilter } from '../auth/scope';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db, Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import type { AlertChange } from '../alerts/apply-findings';
import { getRules } from '../rules/store/queries';
import type { Rule } from '../rules/rule';
import type { Calendar } from '../calendar/calendar';
import type { IntakeInput } from './schemas';
import { intakeDueTimes } from './sla';
import { slaParamsFor } from './sla-params';
import { findComplaintForSla, syncComplaintSla } from './sync-complaint-sla';
import { newTrackingCode } from './tracking-code';

/** The public's actor name in events: no personal data in the timeline's actor column. */
export const CITIZEN_ACTOR = '群众';

export type FileResult =
  | { ok: true; id: number; trackingCode: string; changes: AlertChange[] }
  | Refusal<'invalid' | 'not_allowed' | 'out_of_scope' | 'unknown_reference'>;

interface Target {
  /** null: no department named, the handler assigns one when dispatching (派单). */
  departmentId: number | null;
  regionCode: string;
  regionPath: string;
  catalogEntryId: number | null;
  domain: string | null;
  itemId: number | null;
  inScope: boolean;
}

const refuseField = (kind: Extract<FileResult, { ok: false }>['refusal'], field: string, message: string): FileResult =>
  refuse(kind, message, { [field]: message });

async function resolveTarget(db: Db, scope: Scope | null, input: IntakeInput): Promise<Target | FileResult> {
  const inScope = (path: string) =>
    scope ? scopeFilter(db, scope, { regionPath: path, departmentId: 'd.id' }) : db`true`;
  let departmentId = input.departmentId ?? null;
  let itemId: number | null = null;
  let entry: { id: number; domain: string; department_id: number } | undefined;

  if (input.itemId !== undefined) {
    const [item] = await db<{ id: number; department_id: number; catalog_entry_id: number }[]>`
      select id, department_id, catalog_entry_id from items where id = ${input.itemId}`;
    if (!item) return refuseField('unknown_reference', 'itemId', '公开信息不存在');
    if (departmentId !== null && item.department_id !== departmentId) return refuseField('unknown_reference', 'itemId', '该公开信息不属于所选部门');
    itemId = item.id;
    departmentId = item.department_id;
    [entry] = await db<{ id: number; domain: string; department_id: number }[]>`
      select id, domain, department_id from catalog_entries where id = ${item.catalog_entry_id}`;
  }
  if (input.catalogCode !== undefined && !entry) {
    let regionCode = input.regionId ?? null;
    if (regionCode === null && departmentId !== null) {
      const [department] = await db<{ region_code: string }[]>`select region_code from departments where id = ${departmentId}`;
      regionCode = department?.region_code ?? null;
    }
    if (regionCode === null) return refuseField('invalid', 'regionId', '按目录编码投诉时请选择区域或部门');
    [entry] = await db<{ id: number; domain: string; department_id: number }[]>`
      select id, domain, department_id from catalog_entries
      where region_code = ${regionCode} and code = ${input.catalogCode} and is_current`;
    if (!entry) return refuseField('unknown_reference', 'catalogCode', '目录编码不存在');
    departmentId ??= entry.department_id;
  }
  if (departmentId === null) {
    const region = await resolveRegion(db, scope, input.regionId);
    if (!region) return refuseField('invalid', 'regionId', '所选地区不存在');
    return {
      departmentId: null,
      regionCode: region.code,
      regionPath: region.path,
      catalogEntryId: entry?.id ?? null,
      domain: entry?.domain ?? null,
      itemId,
      inScope: scope ? isRegionInScope(scope, region.path) : true,
    };
  }
  const [department] = await db<{ region_code: string; path: string; in_scope: boolean }[]>`
    select d.region_code, r.path, ${inScope('r.path')} as in_scope
    from departments d join regions r on r.code = d.region_code where d.id = ${departmentId}`;
  if (!department) return refuseField('unknown_reference', 'departmentId', '投诉涉及的部门不存在');
  // the form lists a region's departments under it; a mismatch is a stale or forged form, not a choice
  if (input.regionId !== undefined && input.regionId !== department.region_code) {
    return refuseField('invalid', 'departmentId', '所选部门不属于所选地区');
  }
  return {
    departmentId,
    regionCode: department.region_code,
    regionPath: department.path,
    catalogEntryId: entry?.id ?? null,
    domain: entry?.domain ?? null,
    itemId,
    inScope: department.in_scope,
  };
}

/**
 * The region whose queue a complaint without a department waits in: the one chosen, else the registering
 * handler's own (a county desk registers for its county), else the province (the public who did not say).
 */
async function resolveRegion(db: Db, scope: Scope | null, regionId: string | undefined): Promise<{ code: string; path: string } | undefined> {
  const code = regionId ?? scope?.regionCode ?? null;
  const [region] = code === null
    ? await db<{ code: string; path: string }[]>`select code, path from regions where level = 'province' order by code limit 1`
    : await db<{ code: string; path: string }[]>`select code, path from regions where code = ${code}`;
  return region;
}

/**
 * Files a complaint. `handler` is the signed-in handler registering it (any channel, departments in their
 * scope); null for the public form (online only). `at` is the receipt time (受理).
 */
export async function fileComplaint(sql: Sql, handler: Scope | null, input: IntakeInput, at: Date): Promise<FileResult> {
  if (handler === null && input.channel !== 'online') {
    return refuseField('not_allowed', 'channel', '公众只能通过网上渠道投诉');
  }
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin((tx) => fileInTransaction(tx, { handler, input, at, rules, cal }));
}

export interface FileContext {
  handler: Scope | null;
  input: IntakeInput;
  at: Date;
  rules: readonly Rule[];
  cal: Calendar;
  /** Given by the demo seed (deterministic); otherwise a fresh random code. */
  trackingCode?: string;
}

/** fileComplaint inside a caller's transaction (the demo seed replays history through it). */
export async function fileInTransaction(tx: Db, { handler, input, at, rules, cal, trackingCode = newTrackingCode() }: FileContext): Promise<FileResult> {
  const target = await resolveTarget(tx, handler, input);
  if ('ok' in target) return target;
  if (!target.inScope) {
    return target.departmentId === null
      ? refuseField('out_of_scope', 'regionId', '该地区不在您的管辖范围内')
      : refuseField('out_of_scope', 'departmentId', '该部门不在您的管辖范围内');
  }
  const due = intakeDueTimes(cal, at, slaParamsFor(rules, target));
  const actor = handler?.username ?? CITIZEN_ACTOR;
  const [row] = await tx<{ id: number }[]>`
    insert into complaints (tracking_code, channel, state, complainant_name, phone, content, region_code, department_id,
      catalog_entry_id, item_id, attachments, received_at, assign_due_at, reply_due_at, created_by, updated_at)
    values (${trackingCode}, ${input.channel}, 'received', ${input.name ?? null}, ${input.phone}, ${input.content},
      ${target.regionCode}, ${target.departmentId}, ${target.catalogEntryId}, ${target.itemId},
      ${tx.json((input.attachments ?? []) as never)}, ${at}, ${due.assignDueAt}, ${due.replyDueAt}, ${actor}, ${at})
    returning id`;
  const id = row!.id;
  await tx`
    insert into complaint_events (complaint_id, kind, at, actor, to_state, data)
    values (${id}, 'received', ${at}, ${actor}, 'received', ${tx.json({ channel: input.channel })})`;
  const complaint = await findComplaintForSla(tx, id);
  const changes = await syncComplaintSla(tx, complaint!, rules, cal, at);
  return { ok: true, id, trackingCode, changes };
}
