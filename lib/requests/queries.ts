// Reads of requests and request_events (依申请公开). Every read takes the user's scope through scopeFilter (a
// department user sees its own department's requests); the applicant's personal data goes only to those who
// handle requests, and the ID number is masked everywhere except the request itself.
import { actorNames } from '../auth/actor-names';
import { canSeeApplicantData, requestActionsFor } from '../auth/permissions/request-access';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Calendar } from '../calendar/calendar';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db } from '../db/sql';
import { deadlineView } from '../deadlines/deadline-view';
import { REPLY_WORKING_DAYS, replyClock } from '../deadlines/request-clock';
import { formatIsoShanghai } from '../format/shanghai-time';
import { encodeCursor } from '../http/pagination';
import { maskIdNo } from './identity';
import type {
  ApplicantType,
  DeliveryMethod,
  IdType,
  ReplyGround,
  ReplyType,
  RequestAttachment,
  RequestChannel,
  RequestEvent,
  RequestEventKind,
  RequestFormat,
  RequestState,
  RequestView,
} from './request';
import type { ListQuery, RequestActionName } from './schemas';
import type { RequestFacts } from './state-machine';

/** A consultation as the row keeps it. */
export interface StoredPause {
  from: string;
  to: string | null;
  with: string;
}

export interface RequestRow {
  id: number;
  tracking_code: string;
  channel: RequestChannel;
  state: RequestState;
  applicant_type: ApplicantType;
  applicant_name: string;
  id_type: IdType | null;
  id_no: string | null;
  phone: string;
  email: string | null;
  address: string | null;
  region_code: string;
  region_name: string;
  region_path: string;
  department_id: number;
  department_name: string;
  department_unknown: boolean;
  description: string;
  purpose: string | null;
  format: RequestFormat | null;
  delivery: DeliveryMethod | null;
  submitted_at: Date;
  confirm_due_at: Date | null;
  received_at: Date | null;
  correction_notice_due_at: Date | null;
  correction_requested_at: Date | null;
  correction_what: string | null;
  correction_working_days: number | null;
  correction_due_at: Date | null;
  corrected_at: Date | null;
  clock_started_at: Date | null;
  pauses: StoredPause[];
  paused_working_days: number;
  extended_working_days: number;
  extended_at: Date | null;
  extension_approver: string | null;
  extension_reason: string | null;
  warn_at: Date | null;
  due_at: Date | null;
  severe_at: Date | null;
  is_provisional: boolean;
  replied_at: Date | null;
  reply_type: ReplyType | null;
  reply_text: string | null;
  reply_basis: string | null;
  reply_ground: ReplyGround | null;
  reply_attachments: RequestAttachment[];
  delivered_at: Date | null;
  delivery_method: DeliveryMethod | null;
  closed_at: Date | null;
  level: 'none' | 'yellow' | 'orange' | 'red';
  next_check_at: Date | null;
  version: number;
  created_by: string;
  updated_at: Date;
}

/** `select … from requests q join regions r join departments d`: filter and order after it. */
export function selectRequests(db: Db, extra = db``) {
  return db`
    select q.*, r.name as region_name, r.path as region_path, d.name as department_name ${extra}
    from requests q
    join regions r on r.code = q.region_code
    join departments d on d.id = q.department_id`;
}

/** The rows the scope may see: its region subtree, and for department users their own department's. */
export function visibleRequests(db: Db, scope: Scope) {
  return scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'q.department_id' });
}

const iso = (value: Date | null) => (value ? formatIsoShanghai(value) : null);

/** What the state machine needs besides the state, at `now`. */
export function requestFacts(row: Pick<RequestRow, 'extended_working_days' | 'correction_requested_at' | 'correction_due_at'>, now: Date): RequestFacts {
  return {
    extended: row.extended_working_days > 0,
    correctionAsked: row.correction_requested_at !== null,
    correctionOverdue: row.correction_due_at !== null && now.getTime() >= row.correction_due_at.getTime(),
  };
}

export function consultationsOf(row: Pick<RequestRow, 'pauses'>): { from: Date; to: Date | null }[] {
  return row.pauses.map((pause) => ({ from: new Date(pause.from), to: pause.to === null ? null : new Date(pause.to) }));
}

function viewFromRow(row: RequestRow, options: { personalData: boolean; fullIdNo: boolean }): RequestView {
  const openPause = row.state === 'consulting' ? row.pauses[row.pauses.length - 1] : undefined;
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    state: row.state,
    channel: row.channel,
    regionId: row.region_code,
    regionName: row.region_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    departmentUnknown: row.department_unknown,
    applicant: options.personalData
      ? {
          type: row.applicant_type,
          name: row.applicant_name,
          idType: row.id_type,
          idNo: options.fullIdNo ? row.id_no : maskIdNo(row.id_no),
          phone: row.phone,
          email: row.email,
          address: row.address,
        }
      : null,
    description: row.description,
    purpose: row.purpose,
    format: row.format,
    delivery: row.delivery,
    submittedAt: formatIsoShanghai(row.submitted_at),
    receivedAt: iso(row.received_at),
    confirmDueAt: row.state === 'submitted' ? iso(row.confirm_due_at) : null,
    dueAt: iso(row.due_at),
    warnAt: iso(row.warn_at),
    severeAt: iso(row.severe_at),
    provisional: row.is_provisional,
    level: row.level,
    pausedWorkingDays: row.paused_working_days,
    extendedWorkingDays: row.extended_working_days,
    correction:
      row.correction_requested_at && row.correction_what && row.correction_working_days && row.correction_due_at
        ? {
            what: row.correction_what,
            requestedAt: formatIsoShanghai(row.correction_requested_at),
            workingDays: row.correction_working_days,
            dueAt: formatIsoShanghai(row.correction_due_at),
            correctedAt: iso(row.corrected_at),
          }
        : null,
    consultation: openPause ? { with: openPause.with, from: formatIsoShanghai(new Date(openPause.from)) } : null,
    extension:
      row.extended_at && row.extension_approver && row.extension_reason
        ? { workingDays: row.extended_working_days, approver: row.extension_approver, reason: row.extension_reason, at: formatIsoShanghai(row.extended_at) }
        : null,
    reply:
      row.reply_type && row.replied_at
        ? {
            type: row.reply_type,
            text: row.reply_text ?? '',
            basis: row.reply_basis,
            ground: row.reply_ground,
            attachments: row.reply_attachments,
            repliedAt: formatIsoShanghai(row.replied_at),
          }
        : null,
    deliveredAt: iso(row.delivered_at),
    deliveryMethod: row.delivery_method,
    closedAt: iso(row.closed_at),
    updatedAt: formatIsoShanghai(row.updated_at),
    deadline: null,
    events: [],
  };
}

/** The reply deadline's explanation: which days did not count and why, the pauses, the extension. */
function replyDeadline(cal: Calendar, row: RequestRow, now: Date): RequestView['deadline'] {
  if (!row.clock_started_at || !row.due_at || !row.warn_at || !row.severe_at) return null;
  const reading = replyClock(cal, {
    startedAt: row.clock_started_at,
    consultations: consultationsOf(row),
    extendedWorkingDays: row.extended_working_days,
    // a consultation still open counts up to now; a closed request's clock stood where it stopped
    now: row.closed_at ?? row.replied_at ?? now,
  });
  const extension = row.extended_working_days > 0 ? `，经批准延长 ${row.extended_working_days} 个工作日` : '';
  return deadlineView({
    start: row.clock_started_at,
    limitText: `收到申请之日起 ${REPLY_WORKING_DAYS} 个工作日内答复${extension}（征求意见期间不计算在内）`,
    thresholds: { warnAt: row.warn_at, dueAt: row.due_at, severeAt: row.severe_at, provisional: row.is_provisional },
    explanation: reading.explanation,
  });
}

export type RequestDetail = RequestView & { actions: RequestActionName[] };

/** The request with its timeline and deadline, the user's actions on it, or 'missing' / 'outside' the scope. */
export async function getRequest(db: Db, scope: Scope, id: number, now: Date): Promise<RequestDetail | 'missing' | 'outside'> {
  const [row] = await db<(RequestRow & { in_scope: boolean })[]>`
    ${selectRequests(db, db`, ${visibleRequests(db, scope)} as in_scope`)}
    where q.id = ${id}`;
  if (!row) return 'missing';
  if (!row.in_scope) return 'outside';
  const [events, cal] = await Promise.all([listRequestEvents(db, id), getCalendar(db)]);
  const view = viewFromRow(row, { personalData: canSeeApplicantData(scope), fullIdNo: true });
  const actions = requestActionsFor(scope, { inScope: true, state: row.state, facts: requestFacts(row, now) });
  return { ...view, deadline: replyDeadline(cal, row, now), events, actions };
}

/** One request's view without scope (the socket payload: no personal data at all). */
export async function findRequestView(db: Db, id: number): Promise<(RequestView & { regionPath: string }) | null> {
  const [row] = await db<RequestRow[]>`${selectRequests(db)} where q.id = ${id}`;
  return row ? { ...viewFromRow(row, { personalData: false, fullIdNo: false }), regionPath: row.region_path } : null;
}

export async function listRequestEvents(db: Db, requestId: number): Promise<RequestEvent[]> {
  const rows = await db<
    { kind: RequestEventKind; at: Date; actor: string; from_state: RequestState | null; to_state: RequestState | null; note: string | null; data: Record<string, unknown> | null }[]
  >`
    select kind, at, actor, from_state, to_state, note, data from request_events
    where request_id = ${requestId} order by at, id`;
  const names = await actorNames(db, rows.map((e) => e.actor));
  return rows.map((e) => ({
    at: formatIsoShanghai(e.at),
    kind: e.kind,
    actor: e.actor,
    actorName: names.get(e.actor) ?? e.actor,
    fromState: e.from_state,
    toState: e.to_state,
    note: e.note,
    data: e.data,
  }));
}

/**
 * The queue: requests of the scope, by time left (the due time of the step awaited: 确认收到, 补正 period, reply;
 * delivered and closed ones last) or newest first. Keyset-paged on (sort key, id).
 */
export async function listRequests(
  db: Db,
  scope: Scope,
  query: ListQuery,
): Promise<{ data: RequestView[]; next: string | null }> {
  const limit = query.limit;
  const sort = query.sort ?? 'due';
  const parts = [visibleRequests(db, scope)];
  if (query.state === 'open') parts.push(db`q.state in ('submitted', 'received', 'correction_requested', 'consulting', 'replied')`);
  else if (query.state) parts.push(db`q.state = ${query.state}`);
  if (query.level) parts.push(db`q.level = ${query.level}`);
  if (query.departmentId) parts.push(db`q.department_id = ${query.departmentId}`);
  if (query.channel) parts.push(db`q.channel = ${query.channel}`);
  if (query.regionId) parts.push(db`(r.code = ${query.regionId} or r.path like ${`%${query.regionId}.%`})`);
  // the awaited step's due time; far in the future for requests that owe nothing, so they sort last
  const dueKey = db`coalesce(case q.state when 'submitted' then q.confirm_due_at when 'correction_requested' then q.correction_due_at
    when 'received' then q.due_at when 'consulting' then q.due_at end, 'infinity'::timestamptz)`;
  const key = sort === 'due' ? dueKey : db`q.submitted_at`;
  const cursor = query.cursor;
  if (cursor) {
    const at = cursor.key === null ? 'infinity' : cursor.key;
    parts.push(sort === 'due' ? db`(${key}, q.id) > (${at}::timestamptz, ${cursor.id})` : db`(${key}, q.id) < (${at}::timestamptz, ${cursor.id})`);
  }
  const where = parts.reduce((all, part) => db`${all} and ${part}`);
  const order = sort === 'due' ? db`order by sort_key asc, q.id asc` : db`order by sort_key desc, q.id desc`;
  const rows = await db<(RequestRow & { sort_key: Date })[]>`
    ${selectRequests(db, db`, ${key} as sort_key`)}
    where ${where}
    ${order}
    limit ${limit + 1}`;
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const personalData = canSeeApplicantData(scope);
  const last = page[page.length - 1];
  const lastKey = last ? (Number.isFinite(last.sort_key.getTime()) ? last.sort_key.toISOString() : null) : null;
  return {
    data: page.map((row) => viewFromRow(row, { personalData, fullIdNo: false })),
    next: hasMore && last ? encodeCursor({ key: lastKey, id: last.id }) : null,
  };
}
