// Reads of 公开义务 for the catalog, department and region pages, always within a user's scope. The level
// shown is the one the obligation has now (levelAt), not the stored column the sweep keeps for its alerts,
// so a page never lags the clock by a sweep.
import { scopeFilter, type Scope } from '../auth/scope';
import type { Calendar } from '../calendar/calendar';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Ymd } from '../calendar/ymd';
import { DOMAINS, type Domain } from '../catalog/domains';
import { timeLimitSchema } from '../catalog/time-limit';
import type { Db } from '../db/sql';
import { dueOfLimit } from '../deadlines/clock';
import { deadlineView, type DeadlineView } from '../deadlines/deadline-view';
import { dueDayOf } from '../deadlines/due-day';
import { explainObligation, obligationClockStart, type StoredObligation } from '../deadlines/obligation-clock';
import { levelAt } from '../deadlines/levels';
import type { Level } from '../rules/level';

export interface ObligationView {
  id: number;
  entry: { id: number; code: string; name: string; domain: Domain };
  departmentId: number;
  departmentName: string;
  /** The item that formed it (event-triggered entries); null for a period obligation. */
  item: { id: number; title: string } | null;
  /** The item whose publication fulfilled it, when another than `item` (period obligations). */
  fulfilledByItem: { id: number; title: string } | null;
  /** e.g. 2026-Q3, 2026-05, 2025 for periodic and fixed-date entries. */
  periodKey: string | null;
  anchorAt: string;
  warnAt: string;
  dueAt: string;
  severeAt: string;
  /** The last day on time (due_at is 24:00 of it). */
  dueDay: Ymd;
  isProvisional: boolean;
  state: 'open' | 'fulfilled' | 'cancelled';
  /** Now: none, yellow (临期), orange (超期), red (严重超期); 'none' once fulfilled. */
  level: Level;
  fulfilledAt: string | null;
  isLate: boolean | null;
  /** How the due day was counted (DESIGN §3 deadline), from the one deadline module. */
  deadline: DeadlineView;
}

interface ObligationRow {
  id: number;
  entry_id: number;
  entry_code: string;
  entry_name: string;
  domain: Domain;
  department_id: number;
  department_name: string;
  item_id: number | null;
  item_title: string | null;
  fulfilled_by_item_id: number | null;
  fulfilled_by_title: string | null;
  period_key: string | null;
  anchor_at: Date;
  warn_at: Date;
  due_at: Date;
  severe_at: Date;
  is_provisional: boolean;
  state: ObligationView['state'];
  fulfilled_at: Date | null;
  is_late: boolean | null;
  time_limit: unknown;
  time_limit_text: string;
  item_formed_at: Date | null;
}

const obligationScope = (db: Db, scope: Scope) => scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'o.department_id' });

function selectObligations(db: Db) {
  return db`
    select o.id, c.id as entry_id, c.code as entry_code, c.name as entry_name, c.domain,
      o.department_id, d.name as department_name, o.item_id, i.title as item_title,
      o.fulfilled_by_item_id, f.title as fulfilled_by_title, o.period_key, o.anchor_at, o.warn_at, o.due_at,
      o.severe_at, o.is_provisional, o.state, o.fulfilled_at, o.is_late, c.time_limit, c.time_limit_text,
      i.formed_at as item_formed_at
    from obligations o
    join catalog_entries c on c.id = o.catalog_entry_id
    join departments d on d.id = o.department_id
    join regions r on r.code = o.region_code
    left join items i on i.id = o.item_id
    left join items f on f.id = o.fulfilled_by_item_id`;
}

function deadlineOf(row: ObligationRow, calendar: Calendar): DeadlineView {
  const stored: StoredObligation = { timeLimit: timeLimitSchema.parse(row.time_limit), anchorAt: row.anchor_at, formedAt: row.item_formed_at };
  // the stored thresholds are the truth (a rule change may have moved them); the clock explains the count
  const explanation = explainObligation(calendar, stored) ?? { window: null, unit: null, skipped: [], adjustedWorkdays: [] };
  return deadlineView({
    start: obligationClockStart(stored),
    limitText: row.time_limit_text,
    thresholds: { warnAt: row.warn_at, dueAt: row.due_at, severeAt: row.severe_at, provisional: row.is_provisional },
    explanation,
  });
}

export function obligationFromRow(row: ObligationRow, at: Date, calendar: Calendar): ObligationView {
  return {
    id: row.id,
    entry: { id: row.entry_id, code: row.entry_code, name: row.entry_name, domain: row.domain },
    departmentId: row.department_id,
    departmentName: row.department_name,
    item: row.item_id !== null ? { id: row.item_id, title: row.item_title ?? '' } : null,
    fulfilledByItem:
      row.fulfilled_by_item_id !== null && row.fulfilled_by_item_id !== row.item_id
        ? { id: row.fulfilled_by_item_id, title: row.fulfilled_by_title ?? '' }
        : null,
    periodKey: row.period_key,
    anchorAt: row.anchor_at.toISOString(),
    warnAt: row.warn_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    severeAt: row.severe_at.toISOString(),
    dueDay: dueDayOf(row.due_at),
    isProvisional: row.is_provisional,
    state: row.state,
    level: row.state === 'open' ? levelAt(thresholds(row), at) : 'none',
    fulfilledAt: row.fulfilled_at ? row.fulfilled_at.toISOString() : null,
    isLate: row.is_late,
    deadline: deadlineOf(row, calendar),
  };
}

const thresholds = (row: ObligationRow) => ({ warnAt: row.warn_at, dueAt: row.due_at, severeAt: row.severe_at });

/** 近期到期 looks this many working days ahead, today not counted. */
export const DUE_SOON_WORKING_DAYS = 5;

/** 24:00 of the DUE_SOON_WORKING_DAYS-th working day after today (Asia/Shanghai). */
export async function dueSoonUntil(db: Db, at: Date): Promise<Date> {
  const calendar = await getCalendar(db);
  return dueOfLimit(calendar, { kind: 'working_days', from: at, n: DUE_SOON_WORKING_DAYS }).dueAt;
}

export interface OpenObligationFilter {
  entryId?: number;
  departmentId?: number;
  /**
   * overdue: due passed; dueSoon: not yet due and either in its warn window or due by `dueBy`;
   * open: every open one.
   */
  window: 'overdue' | 'dueSoon' | 'open';
  /** For dueSoon: the end of the look-ahead (e.g. 24:00 of the 5th working day from today). */
  dueBy?: Date;
  limit: number;
}

/** Open obligations in scope, the most urgent first (earliest due). */
export async function listOpenObligations(db: Db, scope: Scope, filter: OpenObligationFilter, at: Date): Promise<ObligationView[]> {
  const window =
    filter.window === 'overdue'
      ? db`and o.due_at <= ${at}`
      : filter.window === 'dueSoon'
        ? db`and o.due_at > ${at} and (o.warn_at <= ${at} ${filter.dueBy ? db`or o.due_at <= ${filter.dueBy}` : db``})`
        : db``;
  const rows = await db<ObligationRow[]>`
    ${selectObligations(db)}
    where o.state = 'open' and ${obligationScope(db, scope)}
      ${filter.entryId !== undefined ? db`and o.catalog_entry_id = ${filter.entryId}` : db``}
      ${filter.departmentId !== undefined ? db`and o.department_id = ${filter.departmentId}` : db``}
      ${window}
    order by o.due_at, o.id
    limit ${filter.limit}`;
  const calendar = await getCalendar(db);
  return rows.map((row) => obligationFromRow(row, at, calendar));
}

/** The obligations formed by an item or fulfilled by it, oldest first. */
export async function listItemObligations(db: Db, scope: Scope, itemId: number, at: Date): Promise<ObligationView[]> {
  const rows = await db<ObligationRow[]>`
    ${selectObligations(db)}
    where (o.item_id = ${itemId} or o.fulfilled_by_item_id = ${itemId}) and ${obligationScope(db, scope)}
    order by o.due_at, o.id`;
  const calendar = await getCalendar(db);
  return rows.map((row) => obligationFromRow(row, at, calendar));
}

export interface ObligationCounts {
  open: number;
  /** Open and past due (超期未公开). */
  overdue: number;
  /** Open and past the severe threshold (严重超期). */
  severe: number;
  fulfilledOnTime: number;
  fulfilledLate: number;
}

/** How an entry's or a department's obligations stand, in scope. */
export async function countObligations(
  db: Db,
  scope: Scope,
  filter: { entryId?: number; departmentId?: number },
  at: Date,
): Promise<ObligationCounts> {
  const [row] = await db<ObligationCounts[]>`
    select
      (count(*) filter (where o.state = 'open'))::int as open,
      (count(*) filter (where o.state = 'open' and o.due_at <= ${at}))::int as overdue,
      (count(*) filter (where o.state = 'open' and o.severe_at <= ${at}))::int as severe,
      (count(*) filter (where o.state = 'fulfilled' and not coalesce(o.is_late, false)))::int as "fulfilledOnTime",
      (count(*) filter (where o.state = 'fulfilled' and o.is_late))::int as "fulfilledLate"
    from obligations o join regions r on r.code = o.region_code
    where ${obligationScope(db, scope)}
      ${filter.entryId !== undefined ? db`and o.catalog_entry_id = ${filter.entryId}` : db``}
      ${filter.departmentId !== undefined ? db`and o.department_id = ${filter.departmentId}` : db``}`;
  return row ?? { open: 0, overdue: 0, severe: 0, fulfilledOnTime: 0, fulfilledLate: 0 };
}

export interface OverdueByDomain {
  domain: Domain;
  /** 超期 not yet severe (orange). */
  overdue: number;
  /** 严重超期 (red). */
  severe: number;
}

/** 超期未公开（按领域）: open obligations past due, per domain, every domain listed (zero included). */
export async function countOverdueByDomain(
  db: Db,
  scope: Scope,
  filter: { departmentId?: number },
  at: Date,
): Promise<OverdueByDomain[]> {
  const rows = await db<{ domain: Domain; overdue: number; severe: number }[]>`
    select c.domain,
      (count(*) filter (where o.severe_at > ${at}))::int as overdue,
      (count(*) filter (where o.severe_at <= ${at}))::int as severe
    from obligations o
    join catalog_entries c on c.id = o.catalog_entry_id
    join regions r on r.code = o.region_code
    where o.state = 'open' and o.due_at <= ${at} and ${obligationScope(db, scope)}
      ${filter.departmentId !== undefined ? db`and o.department_id = ${filter.departmentId}` : db``}
    group by c.domain`;
  const byDomain = new Map(rows.map((row) => [row.domain, row]));
  return DOMAINS.map((domain) => ({ domain, overdue: byDomain.get(domain)?.overdue ?? 0, severe: byDomain.get(domain)?.severe ?? 0 }));
}
