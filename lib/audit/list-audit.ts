// Reads of the audit trail (审计日志) for the admin's search page and GET /api/v1/audit: newest first,
// paged by id so rows appended while someone pages never shift a page.
import { z } from 'zod';
import { actorNames } from '../auth/actor-names';
import type { Db } from '../db/sql';
import { AUDIT_ENTITIES, type AuditEntity } from './record-audit';

export const AUDIT_ENTITY_LABELS: Readonly<Record<AuditEntity, string>> = {
  calendar: '工作日历',
  rule: '监督规则',
  catalog_entry: '公开目录',
  user: '用户',
  api_key: '接口密钥',
  score_weights: '考核权重',
  dispute: '申诉',
};

export const auditEntitySchema = z.enum(AUDIT_ENTITIES, { error: '对象类型无效' });

export interface AuditFilter {
  entity?: AuditEntity;
  entityId?: string;
  /** Whoever made the change: their exact username or 姓名. */
  actor?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
}

export interface AuditRow {
  id: number;
  at: string;
  /** The username (or system, apikey:…, cli:…) as stored. */
  actor: string;
  /** What a page shows for it (lib/auth/actor-names.ts). */
  actorName: string;
  entity: AuditEntity;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

interface Row {
  id: number;
  at: Date;
  actor: string;
  entity: AuditEntity;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

function conditions(db: Db, filter: AuditFilter) {
  return db`
    ${filter.entity ? db`and entity = ${filter.entity}` : db``}
    ${filter.entityId ? db`and entity_id = ${filter.entityId}` : db``}
    ${filter.actor ? db`and (actor = ${filter.actor} or actor in (select username from users where display_name = ${filter.actor}))` : db``}
    ${filter.from ? db`and at >= ${filter.from}` : db``}
    ${filter.to ? db`and at < ${filter.to}` : db``}`;
}

async function withNames(db: Db, rows: Row[]): Promise<AuditRow[]> {
  const names = await actorNames(db, rows.map((row) => row.actor));
  return rows.map((row) => fromRow(row, names.get(row.actor) ?? row.actor));
}

const fromRow = (row: Row, actorName: string): AuditRow => ({
  id: row.id,
  at: row.at.toISOString(),
  actor: row.actor,
  actorName,
  entity: row.entity,
  entityId: row.entity_id,
  action: row.action,
  before: row.before,
  after: row.after,
});

/** Rows matching `filter`, newest first; `afterId` continues below the last row of a previous page. */
export async function listAudit(db: Db, filter: AuditFilter, page: { afterId?: number; limit: number }): Promise<AuditRow[]> {
  const rows = await db<Row[]>`
    select id, at, actor, entity, entity_id, action, before, after
    from audit_log
    where true
      ${conditions(db, filter)}
      ${page.afterId !== undefined ? db`and id < ${page.afterId}` : db``}
    order by id desc
    limit ${page.limit}`;
  return withNames(db, rows);
}

/** How many rows match, for the page's pager (capped: an exact count of a long trail is not worth its scan). */
export async function countAudit(db: Db, filter: AuditFilter, cap = 10_000): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from (
      select 1 from audit_log
      where true
        ${conditions(db, filter)}
      limit ${cap}) capped`;
  return row?.n ?? 0;
}

/** The rows for one page number (the admin page pages by number; the API by cursor). */
export async function listAuditPage(db: Db, filter: AuditFilter, page: { offset: number; limit: number }): Promise<AuditRow[]> {
  const rows = await db<Row[]>`
    select id, at, actor, entity, entity_id, action, before, after
    from audit_log
    where true
      ${conditions(db, filter)}
    order by id desc
    offset ${page.offset} limit ${page.limit}`;
  return withNames(db, rows);
}
