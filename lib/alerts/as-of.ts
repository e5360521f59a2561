// 回看: the wall as it stood at a moment `at` in the past — the alert list, the counters and the daily chart —
// rebuilt from the alerts' own timestamps and their events (alert_events), never from a stored copy.
//
// What an alert was at `at`: it existed once opened_at ≤ at; it was resolved once resolved_at ≤ at and
// acknowledged once acknowledged_at ≤ at (an alert is resolved and acknowledged at most once, and nothing
// changes it after it is resolved). Its level, message, assignee and seq are those of its last event at or
// before `at`. An alert whose updated_at ≤ at has not changed since, so its row is read as it is; only those
// that changed after `at` look at their events, one probe each of alert_events (alert_id, at) — at most the
// alerts unresolved at `at`, not the resolved history.
import type postgres from 'postgres';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db, Sql } from '../db/sql';
import { toPage } from '../http/pagination';
import type { AlertLevel } from '../rules/rule';
import { alertFromRow, selectAlerts, type Alert, type AlertRow, type AlertState, type AlertWithPath } from './alert';
import { summaryFilterOf, type AlertListFilter } from './alert-filter';
import { alertFilterSql } from './alert-filter-sql';
import { summarizeAlerts, type AlertSummary } from './alert-summary';
import { getDailyAlertCounts, type DailyAlertCounts } from './daily-stats';
import { openedCursorKey, type AlertFilter } from './queries';

/** GET /api/v1/alerts' filter and paging, without catching up after a seq (nothing changes in the past). */
export type AsOfAlertFilter = Omit<AlertFilter, 'afterSeq'>;

interface AsOfColumns {
  asof_level: AlertLevel | null;
  asof_message: string | null;
  asof_seq: number | null;
  asof_updated_at: Date | null;
  /** The data of the last 'assigned' event at or before the moment (departmentId, departmentName, …). */
  asof_assigned: { departmentId: number; departmentName: string; positionId: number | null; positionName: string | null } | null;
}

const ofMoment = (db: Db, at: Date) => db`${at}::timestamptz`;

/** The alert's state at `at`, as SQL over `alerts a`; mirrors stateAt below. */
const stateAtSql = (db: Db, at: Date) => db`
  case when a.resolved_at <= ${ofMoment(db, at)} then 'resolved'
       when a.acknowledged_at <= ${ofMoment(db, at)} then 'acknowledged'
       else 'open' end`;

function stateAt(row: Pick<AlertRow, 'resolved_at' | 'acknowledged_at'>, at: Date): AlertState {
  if (row.resolved_at !== null && row.resolved_at.getTime() <= at.getTime()) return 'resolved';
  if (row.acknowledged_at !== null && row.acknowledged_at.getTime() <= at.getTime()) return 'acknowledged';
  return 'open';
}

/** `where` conditions over `alerts a` (with `regions r`) for alerts in scope that existed at `at`. */
function existedInScope(db: Db, scope: Scope, at: Date) {
  return db`a.opened_at <= ${ofMoment(db, at)}
    and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'a.department_id' })}`;
}

function stateCondition(db: Db, at: Date, state: AsOfAlertFilter['state']) {
  const unresolved = db`(a.resolved_at is null or a.resolved_at > ${ofMoment(db, at)})`;
  const unacknowledged = db`(a.acknowledged_at is null or a.acknowledged_at > ${ofMoment(db, at)})`;
  if (state === 'unresolved') return db`and ${unresolved}`;
  if (state === 'open') return db`and ${unresolved} and ${unacknowledged}`;
  if (state === 'acknowledged') return db`and ${unresolved} and not ${unacknowledged}`;
  if (state === 'resolved') return db`and a.resolved_at <= ${ofMoment(db, at)}`;
  return db``;
}

/**
 * `left join lateral … h`: the alert's level, seq and last change at `at`, from its events up to then — for an
 * alert that changed after it only (`a.updated_at > at` is a one-time filter: the others skip the probe and
 * read null). The index alert_events_alert_history (migration 0056) answers it without the table.
 */
function historyAt(db: Db, at: Date) {
  return db`
    left join lateral (
      select (array_agg(e.to_level order by e.at desc, e.seq desc) filter (where e.to_level is not null))[1] as level_at,
        max(e.seq) as seq_at, max(e.at) as changed_at
      from alert_events e
      where a.updated_at > ${ofMoment(db, at)} and e.alert_id = a.id and e.at <= ${ofMoment(db, at)}
    ) h on true`;
}

/**
 * The latest event up to `at` of an alert that changed since, matching `condition`, as a scalar subquery: in the
 * select list, so that under a LIMIT it is read for the rows returned only.
 */
function lastEventAt(db: Db, at: Date, column: 'note' | 'data', condition: postgres.Fragment) {
  return db`(
    select e.${db(column)} from alert_events e
    where a.updated_at > ${ofMoment(db, at)} and e.alert_id = a.id and e.at <= ${ofMoment(db, at)} and ${condition}
    order by e.at desc, e.seq desc limit 1)`;
}

export async function listAlertsAsOf(db: Db, scope: Scope, at: Date, filter: AsOfAlertFilter): Promise<AlertWithPath[]> {
  const byOpening = filter.order === 'opened';
  const level = db`coalesce(h.level_at, a.level)`;
  const seq = db`coalesce(h.seq_at, a.seq)`;
  const rows = await db<(AlertRow & AsOfColumns)[]>`
    ${selectAlerts(
      db,
      db`, h.level_at as asof_level, h.seq_at as asof_seq, h.changed_at as asof_updated_at,
        ${lastEventAt(db, at, 'note', db`e.to_level is not null`)} as asof_message,
        ${lastEventAt(db, at, 'data', db`e.kind = 'assigned'`)} as asof_assigned`,
    )}
    ${historyAt(db, at)}
    where ${existedInScope(db, scope, at)}
      ${stateCondition(db, at, filter.state)}
      ${filter.level ? db`and ${level} = ${filter.level}` : db``}
      ${filter.domain === 'other' ? db`and (a.domain = 'other' or a.domain is null)` : filter.domain ? db`and a.domain = ${filter.domain}` : db``}
      ${filter.departmentId !== undefined ? db`and a.department_id = ${filter.departmentId}` : db``}
      ${filter.openedFrom ? db`and a.opened_at >= ${filter.openedFrom}` : db``}
      ${filter.openedBefore ? db`and a.opened_at < ${filter.openedBefore}` : db``}
      ${filter.q ? alertFilterSql(db, { q: filter.q }) : db``}
      ${filter.beforeSeq !== undefined ? db`and ${seq} < ${filter.beforeSeq}` : db``}
      ${filter.beforeId !== undefined ? db`and a.id < ${filter.beforeId}` : db``}
    order by ${byOpening ? db`a.id desc` : db`${seq} desc`}
    limit ${filter.limit}`;
  return rows.map((row) => alertAsOf(row, at));
}

function alertAsOf(row: AlertRow & AsOfColumns, at: Date): AlertWithPath {
  const { alert, regionPath } = alertFromRow(row);
  const state = stateAt(row, at);
  const hasChangedSince = row.updated_at.getTime() > at.getTime();
  const assigned = hasChangedSince ? row.asof_assigned : null;
  const asOf: Alert = {
    ...alert,
    seq: row.asof_seq === null ? alert.seq : Number(row.asof_seq),
    level: row.asof_level ?? alert.level,
    state,
    message: row.asof_message ?? alert.message,
    updatedAt: row.asof_updated_at?.toISOString() ?? alert.updatedAt,
    ...(state === 'open' ? { acknowledgedAt: null, acknowledgedBy: null } : {}),
    ...(state !== 'resolved' ? { resolvedAt: null, resolvedBy: null, resolution: null, resolveReason: null } : {}),
    ...(hasChangedSince
      ? {
          assignedDepartmentId: assigned?.departmentId ?? null,
          assignedDepartmentName: assigned?.departmentName ?? null,
          assignedPositionId: assigned?.positionId ?? null,
          assignedPositionName: assigned?.positionName ?? null,
        }
      : {}),
  };
  return { alert: asOf, regionPath };
}

/**
 * The seq of the last change at or before `at`: what the counts of that moment include. Seqs follow commit
 * order and `at` the application's clock, so this is the watermark up to a change committed in the same
 * instant — nothing a look back can tell apart.
 */
function seqAt(db: Db, at: Date) {
  return db`(select coalesce(max(e.seq), 0) from alert_events e where e.at <= ${ofMoment(db, at)})`;
}

/**
 * 监督总览's counters as they stood at `at`: the alerts unresolved then that the list's filter matches, by their
 * level and state then (the filter's level and state are read as of `at` too).
 */
export async function getAlertSummaryAsOf(
  db: Db,
  scope: Scope,
  at: Date,
  options: { filter?: AlertListFilter; topDepartments?: number } = {},
): Promise<AlertSummary> {
  const { state, level, ...rest } = summaryFilterOf(options.filter ?? {});
  const levelThen = db`coalesce(h.level_at, a.level)`;
  const scoped = db`
    select ${levelThen} as level, ${stateAtSql(db, at)} as state,
      coalesce(a.domain, 'other') as domain, a.department_id
    from alerts a join regions r on r.code = a.region_code
    ${historyAt(db, at)}
    where ${existedInScope(db, scope, at)} ${stateCondition(db, at, state)}
      ${level ? db`and ${levelThen} = ${level}` : db``}
      ${alertFilterSql(db, rest)}`;
  return summarizeAlerts(db, scoped, seqAt(db, at), options);
}

/** 每日新增与解除预警 of the `days` days up to `at`, counting only what had happened by then. */
export async function getDailyAlertCountsAsOf(
  db: Db,
  scope: Scope,
  at: Date,
  options: { days: number; filter?: AlertListFilter },
): Promise<DailyAlertCounts> {
  const daily = await getDailyAlertCounts(db, scope, { days: options.days, at, until: at, filter: options.filter });
  const [row] = await db<{ seq: number }[]>`select ${seqAt(db, at)}::int as seq`;
  return { ...daily, asOfSeq: row?.seq ?? 0 };
}

export interface WallSnapshotAsOf {
  summary: AlertSummary;
  page: { data: Alert[]; next: string | null };
  daily: DailyAlertCounts;
}

/** The wall's first render at a moment in the past: counters, the first page (opening order), the chart. */
export async function getWallSnapshotAsOf(
  sql: Sql,
  scope: Scope,
  at: Date,
  filter: AlertListFilter,
  options: { limit: number; dailyDays: number },
): Promise<WallSnapshotAsOf> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const summary = await getAlertSummaryAsOf(tx, scope, at, { filter });
    const rows = await listAlertsAsOf(tx, scope, at, { ...filter, order: 'opened', limit: options.limit + 1 });
    const daily = await getDailyAlertCountsAsOf(tx, scope, at, { days: options.dailyDays, filter });
    return { summary, page: toPage(rows.map((row) => row.alert), options.limit, openedCursorKey), daily };
  });
}
