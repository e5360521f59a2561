// What the wall's list draws, in order: its rows, or in a burst its groups (按事项: the alerts about one item
// or subject; 按部门与规则: one department's alerts of one rule kind), each group a header with its counts and,
// unless collapsed, its rows. Only the entries in view are drawn (visibleRange), so ten thousand rows scroll
// as smoothly as fifty: every entry has a fixed height, and offsets are their running sum.
import type { Alert } from './alert';
import type { AlertRow } from './alert-list';
import { RULE_KIND_LABELS } from './labels';
import type { AlertLevel } from '../rules/rule';

export const WALL_GROUPINGS = ['none', 'item', 'department_rule'] as const;
export type WallGrouping = (typeof WALL_GROUPINGS)[number];

export interface AlertGroup {
  key: string;
  label: string;
  rows: AlertRow[];
  byLevel: Record<AlertLevel, number>;
}

export type WallEntry = { kind: 'group'; group: AlertGroup; isCollapsed: boolean } | { kind: 'row'; row: AlertRow; groupKey: string | null };

export const ROW_HEIGHT_PX = 58;
export const GROUP_HEIGHT_PX = 40;

function groupOf(alert: Alert, grouping: Exclude<WallGrouping, 'none'>): { key: string; label: string } {
  if (grouping === 'item') {
    // an item's alerts (completeness, channels, its obligation's deadline) share its replay
    if (alert.itemId !== null) return { key: `item:${alert.itemId}`, label: alert.subject.title };
    return { key: `${alert.subject.type}:${alert.subject.id}`, label: alert.subject.title };
  }
  return { key: `${alert.departmentId}:${alert.rule.kind}`, label: `${alert.departmentName} · ${RULE_KIND_LABELS[alert.rule.kind]}` };
}

/** Groups in the order of their newest row (rows come newest first), rows keeping theirs. */
export function groupRows(rows: readonly AlertRow[], grouping: Exclude<WallGrouping, 'none'>): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const row of rows) {
    const { key, label } = groupOf(row.alert, grouping);
    let group = groups.get(key);
    if (!group) {
      group = { key, label, rows: [], byLevel: { yellow: 0, orange: 0, red: 0 } };
      groups.set(key, group);
    }
    group.rows.push(row);
    group.byLevel[row.alert.level] += 1;
  }
  return [...groups.values()];
}

export function wallEntries(rows: readonly AlertRow[], grouping: WallGrouping, collapsed: ReadonlySet<string>): WallEntry[] {
  if (grouping === 'none') return rows.map((row) => ({ kind: 'row', row, groupKey: null }));
  const entries: WallEntry[] = [];
  for (const group of groupRows(rows, grouping)) {
    const isCollapsed = collapsed.has(group.key);
    entries.push({ kind: 'group', group, isCollapsed });
    if (!isCollapsed) for (const row of group.rows) entries.push({ kind: 'row', row, groupKey: group.key });
  }
  return entries;
}

/** offsets[i] is where entry i starts; offsets[length] is the height of them all. */
export function entryOffsets(entries: readonly WallEntry[]): number[] {
  const offsets = new Array<number>(entries.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < entries.length; i += 1) offsets[i + 1] = offsets[i]! + (entries[i]!.kind === 'group' ? GROUP_HEIGHT_PX : ROW_HEIGHT_PX);
  return offsets;
}

/** The entries [start, end) that cross the viewport, with `overscan` more on each side. */
export function visibleRange(offsets: readonly number[], scrollTop: number, viewportHeight: number, overscan = 8): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  // the first entry that ends below scrollTop
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= scrollTop) low = mid + 1;
    else high = mid;
  }
  let end = low;
  const bottom = scrollTop + viewportHeight;
  while (end < count && offsets[end]! < bottom) end += 1;
  return { start: Math.max(0, low - overscan), end: Math.min(count, end + overscan) };
}
