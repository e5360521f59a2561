// The alert wall's view in its URL (`/?level=red&domain=budgets&from=2026-11-01`), so a view can be
// bookmarked and shared. Unlike the API, the wall forgives: a value it cannot read is dropped, and the
// page still opens. The state defaults to 未解除 (open and acknowledged) and is then left out of the URL.
import type { AlertLevel } from '../rules/rule';
import { alertFilterShape, toAlertListFilter, type AlertListFilter, type StateFilter } from './alert-filter';
import type { Domain } from './labels';

export interface WallQuery {
  state: StateFilter;
  level?: AlertLevel;
  domain?: Domain;
  departmentId?: number;
  /** As written in the URL: YYYY-MM-DD (a day in Asia/Shanghai) or an ISO 8601 instant. */
  from?: string;
  to?: string;
  /** 搜索 in the subject's title, the department's name and the message. */
  q?: string;
  /** 回看: the moment the wall shows (lib/alerts/as-of-param.ts), checked by the page; absent: live. */
  asOf?: string;
}

export const DEFAULT_WALL_STATE: StateFilter = 'unresolved';
/** Rows per page of the wall's list, on the first render and on every "加载更多". */
export const WALL_PAGE_SIZE = 50;
/** Days of the wall's 每日新增与解除预警 chart. */
export const WALL_DAILY_DAYS = 30;
export const WALL_QUERY_KEYS = ['state', 'level', 'domain', 'departmentId', 'from', 'to', 'q'] as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseWallQuery(params: Params): WallQuery {
  const read = <K extends (typeof WALL_QUERY_KEYS)[number]>(key: K) => {
    const raw = first(params, key);
    if (raw === undefined || raw === '') return undefined;
    const parsed = alertFilterShape[key].safeParse(raw);
    return parsed.success && parsed.data !== undefined ? { raw, value: parsed.data } : undefined;
  };
  const state = read('state');
  const level = read('level');
  const domain = read('domain');
  const departmentId = read('departmentId');
  const from = read('from');
  let to = read('to');
  const q = read('q');
  if (from && to && (from.value as Date).getTime() >= (to.value as Date).getTime()) to = undefined;
  return {
    state: (state?.value as StateFilter | undefined) ?? DEFAULT_WALL_STATE,
    ...(level ? { level: level.value as AlertLevel } : {}),
    ...(domain ? { domain: domain.value as Domain } : {}),
    ...(departmentId ? { departmentId: departmentId.value as number } : {}),
    ...(from ? { from: from.raw } : {}),
    ...(to ? { to: to.raw } : {}),
    ...(q ? { q: q.value as string } : {}),
  };
}

/** The list filter the query stands for (the wall's query is valid by construction). */
export function wallQueryToFilter(query: WallQuery): AlertListFilter {
  const parse = <K extends 'from' | 'to'>(key: K) => {
    const value = query[key];
    return value === undefined ? undefined : (alertFilterShape[key].parse(value) as Date | undefined);
  };
  return toAlertListFilter({
    state: query.state,
    level: query.level,
    domain: query.domain,
    departmentId: query.departmentId,
    from: parse('from'),
    to: parse('to'),
    q: query.q,
  });
}

/** The page's query string: defaults left out, keys in a fixed order. */
export function wallQueryToSearch(query: WallQuery): string {
  const params = new URLSearchParams();
  if (query.state !== DEFAULT_WALL_STATE) params.set('state', query.state);
  if (query.level) params.set('level', query.level);
  if (query.domain) params.set('domain', query.domain);
  if (query.departmentId !== undefined) params.set('departmentId', String(query.departmentId));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.q) params.set('q', query.q);
  if (query.asOf) params.set('asOf', query.asOf);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The filter's API parameters, the state spelled out: GET /api/v1/alerts, /summary and /daily take the same
 * ones, so the counters, the side panels and the chart follow the list.
 */
export function wallQueryToFilterParams(query: WallQuery): URLSearchParams {
  const params = new URLSearchParams({ state: query.state });
  if (query.level) params.set('level', query.level);
  if (query.domain) params.set('domain', query.domain);
  if (query.departmentId !== undefined) params.set('departmentId', String(query.departmentId));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.q) params.set('q', query.q);
  if (query.asOf) params.set('asOf', query.asOf);
  return params;
}

/** GET /api/v1/alerts parameters for the query's list, in the wall's opening order. */
export function wallQueryToApiParams(query: WallQuery, page: { cursor?: string | null; limit: number }): URLSearchParams {
  const params = new URLSearchParams({ order: 'opened', limit: String(page.limit) });
  for (const [key, value] of wallQueryToFilterParams(query)) params.set(key, value);
  if (page.cursor) params.set('cursor', page.cursor);
  return params;
}

export const isDefaultWallQuery = (query: WallQuery) => wallQueryToSearch(query) === '';
