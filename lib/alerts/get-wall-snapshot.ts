// The alert wall's first render: the counters and the first page of the list from one snapshot, so the
// counters' asOfSeq is a watermark for the list too — a browser that asks alerts:sync for everything
// after it misses nothing that happened between the render and its socket joining its room.
import type { Scope } from '../auth/scope';
import type { Sql } from '../db/sql';
import { toPage } from '../http/pagination';
import type { Alert } from './alert';
import type { AlertListFilter } from './alert-filter';
import { getAlertSummary, type AlertSummary } from './alert-summary';
import { listAlerts, openedCursorKey } from './queries';

export interface WallSnapshot {
  summary: AlertSummary;
  /** Newest opened first, as GET /api/v1/alerts?order=opened answers it. */
  page: { data: Alert[]; next: string | null };
}

export async function getWallSnapshot(sql: Sql, scope: Scope, filter: AlertListFilter, limit: number): Promise<WallSnapshot> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const summary = await getAlertSummary(tx, scope);
    const rows = await listAlerts(tx, scope, { ...filter, order: 'opened', limit: limit + 1 });
    return { summary, page: toPage(rows.map((row) => row.alert), limit, openedCursorKey) };
  });
}
