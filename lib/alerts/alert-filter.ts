// The alert list's filters, shared by GET /api/v1/alerts, the wall's URL (a bookmarkable view) and the
// browser, which must decide whether a live alert belongs in the list it shows: one schema, one matcher.
import { z } from 'zod';
import { isYmd, endOfShanghaiDay } from '../calendar/ymd';
import { parseInstant } from '../items/ingest-schema';
import type { AlertLevel } from '../rules/rule';
import type { Alert, AlertState } from './alert';
import { ALERT_LEVELS, DOMAINS, type Domain } from './labels';

export const STATE_FILTERS = ['unresolved', 'open', 'acknowledged', 'resolved', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface AlertListFilter {
  /** Absent: every state. 'unresolved' is open and acknowledged (未解除). */
  state?: AlertState | 'unresolved';
  level?: AlertLevel;
  domain?: Domain;
  departmentId?: number;
  /** openedAt at or after this instant. */
  openedFrom?: Date;
  /** openedAt before this instant (a bare `to` day counts up to its 24:00). */
  openedBefore?: Date;
  /** 搜索: text found (case-insensitive) in the subject's title, the department's name or the message. */
  q?: string;
}

export const MAX_SEARCH_CHARS = 100;

/**
 * `from`/`to`: ISO 8601 with an offset, or a bare YYYY-MM-DD meaning that day in Asia/Shanghai (DESIGN §3):
 * `from=2026-11-01&to=2026-11-30` covers November 1st 00:00 to November 30th 24:00.
 */
const boundary = (name: 'from' | 'to') =>
  z
    .string()
    .max(64, `${name} 格式应为 YYYY-MM-DD 或带时区的 ISO 8601 时间`)
    .transform((raw, context) => {
      const text = raw.trim();
      if (name === 'to' && isYmd(text)) return endOfShanghaiDay(text);
      const parsed = parseInstant(text);
      if (parsed.ok) return name === 'to' ? new Date(parsed.date.getTime() + 1) : parsed.date;
      context.addIssue({ code: 'custom', message: `${name}：${parsed.reason}` });
      return z.NEVER;
    })
    .optional();

/** The filter fields of a query string; compose with paging fields, then call toAlertListFilter. */
export const alertFilterShape = {
  state: z.enum(STATE_FILTERS, { error: 'state 应为 unresolved/open/acknowledged/resolved/all' }).optional(),
  level: z.enum(ALERT_LEVELS, { error: 'level 应为 yellow/orange/red' }).optional(),
  domain: z.enum(DOMAINS, { error: `domain 应为 ${DOMAINS.join('/')} 之一` }).optional(),
  departmentId: z.coerce
    .number({ error: 'departmentId 必须是整数' })
    .int('departmentId 必须是整数')
    .positive('departmentId 必须是正整数')
    .optional(),
  from: boundary('from'),
  to: boundary('to'),
  q: z
    .string()
    .trim()
    .max(MAX_SEARCH_CHARS, `搜索内容不超过 ${MAX_SEARCH_CHARS} 字`)
    .transform((text) => text || undefined)
    .optional(),
};

const alertFilterObject = z.object(alertFilterShape);
type ParsedFilterFields = z.infer<typeof alertFilterObject>;

/** Refuses a range that ends before it starts; add to the composed schema with .superRefine. */
export function checkOpenedRange(value: Pick<ParsedFilterFields, 'from' | 'to'>, context: z.RefinementCtx): void {
  if (value.from && value.to && value.from.getTime() >= value.to.getTime()) {
    context.addIssue({ code: 'custom', path: ['to'], message: '结束时间不能早于开始时间' });
  }
}

export const alertFilterSchema = alertFilterObject.superRefine(checkOpenedRange);

export function toAlertListFilter(fields: ParsedFilterFields): AlertListFilter {
  return {
    ...(fields.state && fields.state !== 'all' ? { state: fields.state } : {}),
    ...(fields.level ? { level: fields.level } : {}),
    ...(fields.domain ? { domain: fields.domain } : {}),
    ...(fields.departmentId !== undefined ? { departmentId: fields.departmentId } : {}),
    ...(fields.from ? { openedFrom: fields.from } : {}),
    ...(fields.to ? { openedBefore: fields.to } : {}),
    ...(fields.q ? { q: fields.q } : {}),
  };
}

/**
 * What the counters and side panels count for a list filter: the unresolved alerts among those it matches
 * (they count 未解除 by definition), narrowed to one state when the filter names open or acknowledged.
 */
export function summaryFilterOf(filter: AlertListFilter): AlertListFilter {
  const state = filter.state === 'open' || filter.state === 'acknowledged' ? filter.state : 'unresolved';
  return { ...filter, state };
}

/** What the daily chart counts for a list filter: alerts opened or resolved per day, whatever their state now. */
export function dailyFilterOf(filter: AlertListFilter): Omit<AlertListFilter, 'state'> {
  const rest = { ...filter };
  delete rest.state;
  return rest;
}

/** The text a search looks in, as the browser holds an alert; the SQL twin is in alert-filter-sql.ts. */
const searchTextOf = (alert: Pick<Alert, 'subject' | 'departmentName' | 'message'>) =>
  `${alert.subject.title}\n${alert.departmentName}\n${alert.message}`.toLocaleLowerCase();

/** The same test as listAlerts' where clause, for alerts that arrive live. */
export function alertMatchesFilter(alert: Alert, filter: AlertListFilter): boolean {
  if (filter.state === 'unresolved' ? alert.state === 'resolved' : filter.state && alert.state !== filter.state) return false;
  if (filter.level && alert.level !== filter.level) return false;
  if (filter.domain && (alert.domain ?? 'other') !== filter.domain) return false;
  if (filter.departmentId !== undefined && alert.departmentId !== filter.departmentId) return false;
  const openedMs = Date.parse(alert.openedAt);
  if (filter.openedFrom && openedMs < filter.openedFrom.getTime()) return false;
  if (filter.openedBefore && openedMs >= filter.openedBefore.getTime()) return false;
  if (filter.q && !searchTextOf(alert).includes(filter.q.toLocaleLowerCase())) return false;
  return true;
}
