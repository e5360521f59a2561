// Reads of alerts, always within a user's scope.
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import { alertFromRow, selectAlerts, type Alert, type AlertRow, type AlertState, type AlertWithPath } from './alert';
import type { AlertListFilter } from './alert-filter';
import { alertFilterSql } from './alert-filter-sql';

export interface AlertFilter extends Omit<AlertListFilter, 'state'> {
  state?: AlertState | 'unresolved';
  /** Changes after this seq, oldest first (catching up); otherwise newest first. */
  afterSeq?: number;
  /**
   * Newest first by `seq` (the last change, the contract's default) or by `opened` (the order alerts were
   * opened in, so a row keeps its place when someone acknowledges it: the alert wall).
   */
  order?: 'seq' | 'opened';
  /** Paging newest first by seq: alerts with seq below this. */
  beforeSeq?: number;
  /** Paging by opening order: alerts with id below this. */
  beforeId?: number;
  limit: number;
}

/** The cursor key of the opening order ('id:<id>'), distinct from a seq cursor. */
export const openedCursorKey = (alert: { id: number }) => `id:${alert.id}`;
export const OPENED_CURSOR_PATTERN = /^id:(\d{1,15})$/;

const alertScope = (db: Db, scope: Scope) => scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'a.department_id' });

export async function listAlerts(db: Db, scope: Scope, filter: AlertFilter): Promise<AlertWithPath[]> {
  const ascending = filter.afterSeq !== undefined;
  const byOpening = !ascending && filter.order === 'opened';
  const rows = await db<AlertRow[]>`
    ${selectAlerts(db)}
    where ${alertScope(db, scope)}
      ${alertFilterSql(db, filter)}
      ${filter.afterSeq !== undefined ? db`and a.seq > ${filter.afterSeq}` : db``}
      ${filter.beforeSeq !== undefined ? db`and a.seq < ${filter.beforeSeq}` : db``}
      ${filter.beforeId !== undefined ? db`and a.id < ${filter.beforeId}` : db``}
    order by ${byOpening ? db`a.id desc` : ascending ? db`a.seq asc` : db`a.seq desc`}
    limit ${filter.limit}`;
  return rows.map(alertFromRow);
}

/** 'outside' lets a route refuse an alert beyond the user's scope apart from one that does not exist. */
export async function findAlertInScope(
  db: Db,
  scope: Scope,
  id: number,
): Promise<AlertWithPath | 'outside' | 'missing'> {
  const [row] = await db<(AlertRow & { in_scope: boolean })[]>`
    ${selectAlerts(db, db`, ${alertScope(db, scope)} as in_scope`)} where a.id = ${id}`;
  if (!row) return 'missing';
  return row.in_scope ? alertFromRow(row) : 'outside';
}

// A reconnecting client catches up in one answer; beyond this it should reload the list instead.
export const MAX_SYNC_ALERTS = 5_000;

/**
 * Every alert in scope opened or changed after `afterSeq`, oldest first (socket `alerts:sync`). Seqs are
 * handed out in commit order (alert-seq-lock.ts), so nothing that committed later can hide below afterSeq.
 */
export async function listAlertChangesSince(db: Db, scope: Scope, afterSeq: number): Promise<Alert[]> {
  const rows = await listAlerts(db, scope, { afterSeq, limit: MAX_SYNC_ALERTS });
  return rows.map((row) => row.alert);
}
