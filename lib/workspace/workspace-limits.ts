// How many rows each workspace list shows, from the page's query (?overdue=30&alerts=20): "显示更多" asks for more.
// Anything unreadable falls back to the first page, and no list grows beyond WORKSPACE_MAX_ROWS.
import { z } from 'zod';
import { WORKSPACE_LISTS, WORKSPACE_MAX_ROWS, WORKSPACE_PAGE_ROWS, type WorkspaceLimits, type WorkspaceList } from './get-workspace';

const limitSchema = z.coerce.number().int().min(WORKSPACE_PAGE_ROWS).max(WORKSPACE_MAX_ROWS).catch(WORKSPACE_PAGE_ROWS);

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function workspaceLimitsFrom(query: Record<string, string | string[] | undefined>): WorkspaceLimits {
  return Object.fromEntries(
    WORKSPACE_LISTS.map((list) => [list, limitSchema.parse(first(query[list]) ?? WORKSPACE_PAGE_ROWS)]),
  ) as WorkspaceLimits;
}

/** The workspace's query with one more page of `list`; lists at their first page are left out. */
export function moreRowsQuery(limits: WorkspaceLimits, list: WorkspaceList): string {
  const next = { ...limits, [list]: Math.min(limits[list] + WORKSPACE_PAGE_ROWS * 2, WORKSPACE_MAX_ROWS) };
  const params = new URLSearchParams();
  for (const name of WORKSPACE_LISTS) if (next[name] !== WORKSPACE_PAGE_ROWS) params.set(name, String(next[name]));
  return `?${params.toString()}`;
}
