// The wall's calls to its own API, from the browser: JSON in, the contract's zh-CN error message out.
import type { Alert } from '../../../lib/alerts/alert';
import type { AlertSummary } from '../../../lib/alerts/alert-summary';
import type { Assignee } from '../../../lib/alerts/assign-alert';
import type { DailyAlertCount } from '../../../lib/alerts/daily-stats';
import type { DepartmentSummary, RegionSummary } from '../../../lib/regions/queries';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface Page<T> {
  data: T[];
  next: string | null;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('网络连接失败，请检查网络后重试', 0);
  }
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) {
    const fallback = response.status === 401 ? '登录已失效，请重新登录' : `请求失败（${response.status}）`;
    throw new ApiError(body?.error?.message ?? fallback, response.status);
  }
  return body as T;
}

const post = <T>(path: string, body: unknown = {}) => call<T>(path, { method: 'POST', body: JSON.stringify(body) });

export const fetchAlerts = (params: URLSearchParams, signal?: AbortSignal) =>
  call<Page<Alert>>(`/api/v1/alerts?${params}`, { signal });

/** `filter`: the list's filter parameters (wallQueryToFilterParams), which the counters and the chart follow. */
export const fetchSummary = (filter: URLSearchParams) => call<AlertSummary>(`/api/v1/alerts/summary?${filter}`);

export const fetchDaily = (days: number, filter: URLSearchParams) =>
  call<Page<DailyAlertCount> & { asOfSeq: number }>(`/api/v1/alerts/daily?days=${days}&${filter}`);

export interface BulkActionResult {
  applied: number[];
  refused: { id: number; code: string; message: string }[];
}

export type BulkAction =
  | { action: 'ack' }
  | { action: 'resolve'; reason: string }
  | { action: 'assign'; assigneeId: number; positionId?: number };

export const actOnAlerts = (ids: number[], action: BulkAction) => post<BulkActionResult>('/api/v1/alerts/bulk', { ids, ...action });

export const fetchAssignees = (alertId: number) => call<Page<Assignee>>(`/api/v1/alerts/${alertId}/assignees`);

export const acknowledge = (alertId: number) => post<Alert>(`/api/v1/alerts/${alertId}/ack`);

export const resolve = (alertId: number, reason: string) => post<Alert>(`/api/v1/alerts/${alertId}/resolve`, { reason });

export const assign = (alertId: number, departmentId: number, positionId: number | null) =>
  post<Alert>(`/api/v1/alerts/${alertId}/assign`, { departmentId, ...(positionId ? { positionId } : {}) });

/** Every department in scope, page after page (a province has a few hundred). */
export async function fetchAllDepartments(): Promise<DepartmentSummary[]> {
  const all: DepartmentSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<DepartmentSummary> = await call(`/api/v1/departments?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    all.push(...page.data);
    cursor = page.next;
  } while (cursor && all.length < 20_000);
  return all;
}

export async function fetchAllRegions(): Promise<RegionSummary[]> {
  const all: RegionSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<RegionSummary> = await call(`/api/v1/regions?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    all.push(...page.data);
    cursor = page.next;
  } while (cursor && all.length < 20_000);
  return all;
}
