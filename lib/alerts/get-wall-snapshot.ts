// The alert wall's first render: the counters, the first page of the list and the daily chart's series from
// one snapshot, so the counters' asOfSeq is a watermark for the list and the chart too — a browser that asks
// alerts:sync for everything after it misses nothing that happened between the render and its socket joining
// its room — and the page needs no API call to draw.
import type { Scope } from '../auth/scope';
import type { Sql } from '../db/sql';
import { toPage } from '../http/pagination';
import type { Alert } from './alert';
import type { AlertListFilter } from './alert-filter';
import { getDailyAlertCounts, type DailyAlertCounts } from './daily-stats';
import { getAlertSummary, type AlertSummary } from './alert-summary';
import { listAlerts, openedCursorKey } from './queries';

export interface WallSnapshot {
  summary: AlertSummary;
  /** Newest opened first, as GET /api/v1/alerts?order=opened answers it. */
  page: { data: Alert[]; next: string | null };
  daily: DailyAlertCounts;
}

export async function getWallSnapshot(
  sql: Sql,
  scope: Scope,
  filter: AlertListFilter,
  options: { limit: number; dailyDays: number; at: Date },
): Promise<WallSnapshot> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const summary = await getAlertSummary(tx, scope, { filter });
    const rows = await listAlerts(tx, scope, { ...filter, order: 'opened', limit: options.limit + 1 });
    const daily = await getDailyAlertCounts(tx, scope, { days: options.dailyDays, at: options.at, filter });
    return { summary, page: toPage(rows.map((row) => row.alert), options.limit, openedCursorKey), daily };
  });
}
