// Reads of complaints and complaint_events. Lists and the detail page mask personal data unless the reader
// is a complaint handler (DESIGN §1 Complaints); every read takes the user's scope through scopeFilter, and
// a department user sees only complaints dispatched to their department.
import { z } from 'zod';
import { actorNames } from '../auth/actor-names';
import { canSeePersonalData } from '../auth/permissions/complaint-access';
import { scopeFilter, type Scope } from '../auth/scope';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db } from '../db/sql';
import type { DeadlineView } from '../deadlines/deadline-view';
import type { Level } from '../rules/level';
import type { Channel, ComplaintEventKind, ComplaintFinding, ComplaintState, Satisfaction } from './complaint';
import { findComplaintViolation, type ComplaintViolation } from './find-violation';
import { maskName, maskPhone } from './mask';
import { phaseDeadline } from './sla';

export interface ComplaintSummary {
  id: number;
  trackingCode: string;
  channel: Channel;
  state: ComplaintState;
  /** Full for handlers, masked (张*) for everyone else. */
  complainantName: string | null;
  phone: string;
  /** The first 80 characters of the content. */
  excerpt: string;
  regionId: string;
  regionName: string;
  departmentId: number | null;
  departmentName: string | null;
  positionId: number | null;
  positionName: string | null;
  receivedAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  assignDueAt: string;
  acceptDueAt: string | null;
  replyDueAt: string;
  /** The due time of the step the complaint waits for (派单, 签收 or 答复); null once replied. */
  currentDueAt: string | null;
  level: Level;
  satisfaction: Satisfaction | null;
  updatedAt: string;
}

export interface ComplaintEvent {
  id: number;
  kind: ComplaintEventKind;
  at: string;
  /** The username, or 群众 / system for no account. */
  actor: string;
  /** What the page shows (lib/auth/actor-names.ts). */
  actorName: string;
  fromState: ComplaintState | null;
  toState: ComplaintState | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface ComplaintDetail extends ComplaintSummary {
  content: string;
  reply: string | null;
  ratingComment: string | null;
  returnedReason: string | null;
  catalogEntry: { id: number; code: string; name: string } | null;
  itemId: number | null;
  itemTitle: string | null;
  attachments: { name: string; url: string }[];
  createdBy: string | null;
  version: number;
  /** The handler's finding at 办结 (属实 / 不属实); null when closed without one or not closed. */
  finding: ComplaintFinding | null;
  /** The violation a 属实 finding recorded against the responsible department. */
  violation: ComplaintViolation | null;
  /** A 属实 finding stands (not withdrawn): what 撤销属实认定 needs. */
  hasStandingViolation: boolean;
  events: ComplaintEvent[];
  /** How each phase's due time was counted (DESIGN §3 deadline); accept only once dispatched. */
  deadlines: { assign: DeadlineView; accept: DeadlineView | null; reply: DeadlineView };
}

interface SummaryRow {
  id: number;
  tracking_code: string;
  channel: Channel;
  state: ComplaintState;
  complainant_name: string | null;
  phone: string;
  content: string;
  region_code: string;
  region_name: string;
  department_id: number | null;
  department_name: string | null;
  position_id: number | null;
  position_name: string | null;
  received_at: Date;
  assigned_at: Date | null;
  accepted_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
  assign_due_at: Date;
  accept_due_at: Date | null;
  reply_due_at: Date;
  current_due_at: Date | null;
  level: Level;
  satisfaction: Satisfaction | null;
  updated_at: Date;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const EXCERPT_LENGTH = 80;

function summaryFromRow(row: SummaryRow, withPersonalData: boolean): ComplaintSummary {
  const chars = [...row.content];
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    channel: row.channel,
    state: row.state,
    complainantName: withPersonalData ? row.complainant_name : maskName(row.complainant_name),
    phone: withPersonalData ? row.phone : maskPhone(row.phone),
    excerpt: chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : row.content,
    regionId: row.region_code,
    regionName: row.region_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    positionId: row.position_id,
    positionName: row.position_name,
    receivedAt: row.received_at.toISOString(),
    assignedAt: iso(row.assigned_at),
    acceptedAt: iso(row.accepted_at),
    repliedAt: iso(row.replied_at),
    closedAt: iso(row.closed_at),
    assignDueAt: row.assign_due_at.toISOString(),
    acceptDueAt: iso(row.accept_due_at),
    replyDueAt: row.reply_due_at.toISOString(),
    currentDueAt: iso(row.current_due_at),
    level: row.level,
    satisfaction: row.satisfaction,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The due time of the step a complaint waits for, as SQL over `complaints c`. */
export function currentDueSql(db: Db) {
  return db`
    case
      when c.state in ('received', 'returned', 'reopened') then least(c.assign_due_at, c.reply_due_at)
      when c.state = 'assigned' then least(coalesce(c.accept_due_at, c.reply_due_at), c.reply_due_at)
      when c.state in ('accepted', 'in_progress') then c.reply_due_at
    end`;
}

function selectSummaries(db: Db, extra = db``) {
  return db`
    select c.*, r.name as region_name, d.name as department_name, p.name as position_name,
      ${currentDueSql(db)} as current_due_at ${extra}
    from complaints c
    join regions r on r.code = c.region_code
    left join departments d on d.id = c.department_id
    left join positions p on p.id = c.position_id`;
}

/** Rows the scope may see: its region subtree, and for department users only what was dispatched to them. */
function visible(db: Db, scope: Scope) {
  const region = scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'c.department_id' });
  return scope.departmentId === null ? region : db`(${region} and c.assigned_at is not null)`;
}

export const complaintListQuerySchema = z.object({
  state: z.enum(['open', 'received', 'assigned', 'accepted', 'in_progress', 'replied', 'closed', 'returned', 'reopened', 'all'], {
    error: '状态筛选无效',
  }).default('open'),
  channel: z.enum(['phone', 'onsite', 'online'], { error: '渠道筛选无效' }).optional(),
  departmentId: z.coerce.number({ error: '部门编号必须是整数' }).int('部门编号必须是整数').positive('部门编号必须是整数').optional(),
  regionId: z.string().regex(/^[0-9]{6}$/, '区域代码应为 6 位数字').optional(),
  level: z.enum(['yellow', 'orange', 'red', 'late'], { error: '预警筛选无效' }).optional(),
  q: z.string().trim().max(50, '搜索词不超过 50 个字').optional(),
  sort: z.enum(['due', 'received'], { error: '排序方式无效' }).default('due'),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;

function filterSql(db: Db, filter: ComplaintListQuery) {
  const parts = [db`true`];
  if (filter.state === 'open') parts.push(db`c.state <> 'closed'`);
  else if (filter.state !== 'all') parts.push(db`c.state = ${filter.state}`);
  if (filter.channel) parts.push(db`c.channel = ${filter.channel}`);
  if (filter.departmentId) parts.push(db`c.department_id = ${filter.departmentId}`);
  if (filter.regionId) parts.push(db`(r.path = ${filter.regionId} or r.path like ${`%.${filter.regionId}`} or r.path like ${`%.${filter.regionId}.%`} or r.path like ${`${filter.regionId}.%`})`);
  if (filter.level === 'late') parts.push(db`c.level in ('orange', 'red')`);
  else if (filter.level) parts.push(db`c.level = ${filter.level}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(db`(c.tracking_code ilike ${like} or c.content ilike ${like})`);
  }
  return parts.reduce((all, part) => db`${all} and ${part}`);
}

export async function listComplaints(
  db: Db,
  scope: Scope,
  filter: ComplaintListQuery,
  page: { offset: number; limit: number },
): Promise<{ rows: ComplaintSummary[]; total: number }> {
  // by time left: the waiting step's due time, replied and closed ones last; newest first otherwise
  const order =
    filter.sort === 'due'
      ? db`order by current_due_at asc nulls last, c.id asc`
      : db`order by c.received_at desc, c.id desc`;
  const rows = await db<(SummaryRow & { total: number })[]>`
    ${selectSummaries(db, db`, count(*) over () as total`)}
    where ${visible(db, scope)} and ${filterSql(db, filter)}
    ${order}
    offset ${page.offset} limit ${page.limit}`;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    const [count] = await db<{ total: number }[]>`
      select count(*)::int as total from complaints c join regions r on r.code = c.region_code
      where ${visible(db, scope)} and ${filterSql(db, filter)}`;
    total = count?.total ?? 0;
  }
  return { rows: rows.map((row) => summaryFromRow(row, canSeePersonalData(scope))), total: Number(total) };
}

export async function findComplaintSummary(db: Db, id: number, withPersonalData: boolean): Promise<ComplaintSummary | null> {
  const [row] = await db<SummaryRow[]>`${selectSummaries(db)} where c.id = ${id}`;
  return row ? summaryFromRow(row, withPersonalData) : null;
}

/** The complaint with its timeline, or 'missing' / 'outside' the scope. */
export async function getComplaintDetail(db: Db, scope: Scope, id: number): Promise<ComplaintDetail | 'missing' | 'outside'> {
  const [row] = await db<
    (SummaryRow & {
      in_scope: boolean;
      reply: string | null;
      rating_comment: string | null;
      returned_reason: string | null;
      catalog_entry_id: number | null;
      entry_code: string | null;
      entry_name: string | null;
      item_id: number | null;
      item_title: string | null;
      attachments: { name: string; url: string }[];
      created_by: string | null;
      version: number;
      finding: ComplaintFinding | null;
    })[]
  >`
    ${selectSummaries(
      db,
      db`, ${visible(db, scope)} as in_scope, ce.code as entry_code, ce.name as entry_name, i.title as item_title`,
    )}
    left join catalog_entries ce on ce.id = c.catalog_entry_id
    left join items i on i.id = c.item_id
    where c.id = ${id}`;
  if (!row) return 'missing';
  if (!row.in_scope) return 'outside';
  const [events, calendar, violation] = await Promise.all([listComplaintEvents(db, id), getCalendar(db), findComplaintViolation(db, id)]);
  return {
    ...summaryFromRow(row, canSeePersonalData(scope)),
    content: row.content,
    reply: row.reply,
    ratingComment: row.rating_comment,
    returnedReason: row.returned_reason,
    catalogEntry: row.catalog_entry_id && row.entry_code ? { id: row.catalog_entry_id, code: row.entry_code, name: row.entry_name ?? '' } : null,
    itemId: row.item_id,
    itemTitle: row.item_title,
    attachments: row.attachments,
    createdBy: row.created_by,
    version: row.version,
    finding: row.finding,
    violation,
    hasStandingViolation: violation !== null && violation.withdrawnAt === null,
    events,
    deadlines: {
      assign: phaseDeadline(calendar, 'assign', row.assign_due_at, row.received_at),
      accept: row.accept_due_at ? phaseDeadline(calendar, 'accept', row.accept_due_at, row.assigned_at ?? row.received_at) : null,
      reply: phaseDeadline(calendar, 'reply', row.reply_due_at, row.received_at),
    },
  };
}

export async function listComplaintEvents(db: Db, complaintId: number): Promise<ComplaintEvent[]> {
  const rows = await db<
    { id: number; kind: ComplaintEventKind; at: Date; actor: string; from_state: ComplaintState | null; to_state: ComplaintState | null; note: string | null; data: Record<string, unknown> | null }[]
  >`
    select id, kind, at, actor, from_state, to_state, note, data from complaint_events
    where complaint_id = ${complaintId} order by at, id`;
  const names = await actorNames(db, rows.map((e) => e.actor));
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at.toISOString(),
    actor: e.actor,
    actorName: names.get(e.actor) ?? e.actor,
    fromState: e.from_state,
    toState: e.to_state,
    note: e.note,
    data: e.data,
  }));
}

export interface DispatchTarget {
  departmentId: number;
  departmentName: string;
  positions: { id: number; name: string }[];
}

/**
 * Departments (with positions) a complaint of `regionCode` may be dispatched to, inside the scope: the
 * region's own first, then those of the regions below it (a complaint filed without a department waits in a
 * city's or the province's queue and goes down from there), named with their region.
 */
export async function listDispatchTargets(db: Db, scope: Scope, regionCode: string): Promise<DispatchTarget[]> {
  return db<DispatchTarget[]>`
    select d.id as "departmentId",
      case when d.region_code = ${regionCode} then d.name else d.name || '（' || r.name || '）' end as "departmentName",
      coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.id)
                from positions p where p.department_id = d.id), '[]'::json) as positions
    from departments d join regions r on r.code = d.region_code
    join regions home on home.code = ${regionCode}
    where (r.path = home.path or r.path like home.path || '.%')
      and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}
    order by r.path <> home.path, r.path, d.id`;
}

export interface DepartmentOption {
  id: number;
  name: string;
  regionId: string;
  regionName: string;
}

/**
 * Departments a complaint may name: those of the scope (a handler registering one), or for the public form
 * (scope null) those of the pilot units, where the platform runs.
 */
export async function listDepartmentOptions(db: Db, scope: Scope | null): Promise<DepartmentOption[]> {
  const where = scope ? scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' }) : db`r.is_pilot`;
  return db<DepartmentOption[]>`
    select d.id, d.name, r.code as "regionId", r.name as "regionName"
    from departments d join regions r on r.code = d.region_code
    where ${where}
    order by r.path, d.id
    limit 2000`;
}
