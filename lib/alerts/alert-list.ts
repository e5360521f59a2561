// The wall's alert list in the browser: pages fetched newest-opened first, merged with live changes
// (alert:opened, alert:updated, alerts:sync). DESIGN §3: merge by id, the newest state (highest seq) wins.
//
// The list holds a window: every alert matching the filter with id above the oldest loaded one (all of
// them once there is no next page). A live alert enters only inside that window, so "加载更多" never
// shows a row twice or skips one. An alert that stops matching (acknowledged under 待确认, resolved under
// 未解除) stays for a moment, marked, so a supervisor sees it leave instead of a row vanishing.
import type { Alert } from './alert';
import { alertMatchesFilter, type AlertListFilter } from './alert-filter';

export interface AlertRow {
  alert: Alert;
  /** When the alert stopped matching the filter (ms); null while it matches. */
  leftAt: number | null;
}

export interface AlertListState {
  /** Newest opened first (id descending), one row per alert. */
  rows: AlertRow[];
  hasMore: boolean;
}

export type MergeOutcome = 'inserted' | 'updated' | 'escalated' | 'left' | 'stale' | 'outside';

const LEVEL_RANK = { yellow: 1, orange: 2, red: 3 } as const;

export const emptyAlertList = (): AlertListState => ({ rows: [], hasMore: false });

/** Merges by id, newest seq wins; sorted newest opened first. */
export function mergeById<T extends { id: number; seq: number }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<number, T>();
  for (const item of [...current, ...incoming]) {
    const known = byId.get(item.id);
    if (!known || item.seq > known.seq) byId.set(item.id, item);
  }
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** A fetched page below the rows already shown (or the first page when there are none). */
export function appendPage(state: AlertListState, page: readonly Alert[], hasMore: boolean): AlertListState {
  const rows = new Map(state.rows.map((row) => [row.alert.id, row]));
  for (const alert of page) {
    const known = rows.get(alert.id);
    if (!known || alert.seq > known.alert.seq) rows.set(alert.id, { alert, leftAt: null });
  }
  return { rows: [...rows.values()].sort((a, b) => b.alert.id - a.alert.id), hasMore };
}

function isInsideWindow(state: AlertListState, id: number): boolean {
  if (!state.hasMore) return true;
  const oldest = state.rows[state.rows.length - 1];
  return oldest !== undefined && id > oldest.alert.id;
}

/** One live alert into the list. */
export function mergeLiveAlert(
  state: AlertListState,
  alert: Alert,
  filter: AlertListFilter,
  nowMs: number,
): { state: AlertListState; outcome: MergeOutcome } {
  const index = state.rows.findIndex((row) => row.alert.id === alert.id);
  const known = index >= 0 ? state.rows[index] : undefined;
  if (known && known.alert.seq >= alert.seq) return { state, outcome: 'stale' };
  const matches = alertMatchesFilter(alert, filter);

  if (known) {
    const rows = [...state.rows];
    rows[index] = { alert, leftAt: matches ? null : (known.leftAt ?? nowMs) };
    const escalated = matches && LEVEL_RANK[alert.level] > LEVEL_RANK[known.alert.level];
    return { state: { ...state, rows }, outcome: !matches ? 'left' : escalated ? 'escalated' : 'updated' };
  }
  if (!matches || !isInsideWindow(state, alert.id)) return { state, outcome: 'outside' };
  const rows = [...state.rows];
  const at = rows.findIndex((row) => row.alert.id < alert.id);
  rows.splice(at < 0 ? rows.length : at, 0, { alert, leftAt: null });
  return { state: { ...state, rows }, outcome: 'inserted' };
}

/** Drops the rows that left the filter at least `graceMs` ago. */
export function pruneLeftRows(state: AlertListState, nowMs: number, graceMs: number): AlertListState {
  if (!state.rows.some((row) => row.leftAt !== null && nowMs - row.leftAt >= graceMs)) return state;
  return { ...state, rows: state.rows.filter((row) => row.leftAt === null || nowMs - row.leftAt < graceMs) };
}

/** The highest seq among alerts: where a reconnecting client asks alerts:sync to continue from. */
export function highestSeq(alerts: Iterable<{ seq: number }>, start = 0): number {
  let max = start;
  for (const alert of alerts) if (alert.seq > max) max = alert.seq;
  return max;
}
