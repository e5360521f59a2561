// Reads of the 公开事项目录, always within a user's scope: the current version of each entry (retired ones
// left out), searchable by name, code, category and legal basis, paged by (region, code) for the API or by
// offset for the page's numbered pager.
import { z } from 'zod';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import { countObligations, listOpenObligations, type ObligationCounts, type ObligationView } from '../obligations/queries';
import { DOMAINS, type Audience, type DisclosureMode, type Domain } from './domains';
import type { TimeLimit } from './time-limit';

/** An entry as GET /api/v1/catalog lists it (DESIGN §3), with a few names a list needs besides. */
export interface CatalogEntrySummary {
  id: number;
  code: string;
  name: string;
  domain: Domain;
  category: string;
  departmentId: number;
  departmentName: string;
  regionId: string;
  /** Short name of the region, e.g. 建邺区. */
  regionName: string;
  timeLimit: TimeLimit;
  channels: string[];
  requiredElements: string[];
  mode: DisclosureMode;
}

export interface CatalogEntryDetail extends CatalogEntrySummary {
  basis: string;
  /** 公开内容: the content elements in the catalog's words. */
  content: string;
  audience: Audience;
  withheldReason: string | null;
  level: 'county' | 'township';
  version: number;
  position: { id: number; name: string } | null;
  createdAt: string;
}

export interface CatalogFilter {
  domain?: Domain;
  /** Matched against name, code, category and basis, case-insensitively. */
  q?: string;
  departmentId?: number;
  /** A region in scope: its entries and those of every region below it. */
  regionCode?: string;
}

/** Keyset of the list: current entries are unique by (region, code). */
export const catalogKeySchema = z.tuple([z.string().max(6), z.string().max(200)]);
export type CatalogKey = z.infer<typeof catalogKeySchema>;

export const catalogKeyOf = (entry: Pick<CatalogEntrySummary, 'regionId' | 'code'>): CatalogKey => [entry.regionId, entry.code];

interface EntryRow extends Omit<CatalogEntrySummary, 'timeLimit'> {
  timeLimit: TimeLimit;
}

const SUMMARY_COLUMNS = (db: Db) => db`
  c.id, c.code, c.name, c.domain, c.category, c.department_id as "departmentId", d.name as "departmentName",
  c.region_code as "regionId", r.short_name as "regionName", c.time_limit as "timeLimit", c.channels, c.required_elements as "requiredElements", c.mode`;

const entryScope = (db: Db, scope: Scope) => scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'c.department_id' });

// A search for '100%' means the characters, not a pattern.
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function filterClause(db: Db, scope: Scope, filter: CatalogFilter) {
  const pattern = filter.q ? likePattern(filter.q) : null;
  return db`
    c.is_current and c.retired_at is null and ${entryScope(db, scope)}
    ${filter.domain ? db`and c.domain = ${filter.domain}` : db``}
    ${filter.departmentId !== undefined ? db`and c.department_id = ${filter.departmentId}` : db``}
    ${
      filter.regionCode !== undefined
        ? db`and exists (select 1 from regions f where f.code = ${filter.regionCode} and (r.path = f.path or r.path like f.path || '.%'))`
        : db``
    }
    ${pattern ? db`and (c.name ilike ${pattern} or c.code ilike ${pattern} or c.category ilike ${pattern} or c.basis ilike ${pattern})` : db``}`;
}

export async function listCatalogEntries(
  db: Db,
  scope: Scope,
  filter: CatalogFilter,
  page: { after?: CatalogKey; offset?: number; limit: number },
): Promise<CatalogEntrySummary[]> {
  return db<EntryRow[]>`
    select ${SUMMARY_COLUMNS(db)}
    from catalog_entries c
    join departments d on d.id = c.department_id
    join regions r on r.code = c.region_code
    where ${filterClause(db, scope, filter)}
      ${page.after ? db`and (c.region_code, c.code) > (${page.after[0]}, ${page.after[1]})` : db``}
    order by c.region_code, c.code
    limit ${page.limit}
    ${page.offset ? db`offset ${page.offset}` : db``}`;
}

export async function countCatalogEntries(db: Db, scope: Scope, filter: CatalogFilter): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n
    from catalog_entries c join regions r on r.code = c.region_code
    where ${filterClause(db, scope, filter)}`;
  return row?.n ?? 0;
}

/** Entries per domain for the domain tabs, under the other filters; every domain listed. */
export async function countCatalogByDomain(
  db: Db,
  scope: Scope,
  filter: Omit<CatalogFilter, 'domain'>,
): Promise<Record<Domain, number>> {
  const rows = await db<{ domain: Domain; n: number }[]>`
    select c.domain, count(*)::int as n
    from catalog_entries c join regions r on r.code = c.region_code
    where ${filterClause(db, scope, filter)}
    group by c.domain`;
  const counts = Object.fromEntries(DOMAINS.map((domain) => [domain, 0])) as Record<Domain, number>;
  for (const row of rows) counts[row.domain] = row.n;
  return counts;
}

/** The departments that own current entries in scope, for the department filter. */
export async function listCatalogDepartments(
  db: Db,
  scope: Scope,
): Promise<{ id: number; name: string; regionId: string; regionName: string }[]> {
  return db`
    select d.id, d.name, d.region_code as "regionId", r.short_name as "regionName"
    from departments d join regions r on r.code = d.region_code
    where ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}
      and exists (select 1 from catalog_entries c where c.department_id = d.id and c.is_current and c.retired_at is null)
    order by d.region_code, d.id`;
}

/** One entry by id (any version); 'outside' lets a caller refuse an entry beyond the scope as such. */
export async function findCatalogEntry(db: Db, scope: Scope, id: number): Promise<CatalogEntryDetail | 'outside' | 'missing'> {
  const [row] = await db<(EntryRow & Omit<CatalogEntryDetail, keyof CatalogEntrySummary | 'position' | 'createdAt'> & {
    positionId: number | null;
    positionName: string | null;
    createdAt: Date;
    inScope: boolean;
  })[]>`
    select ${SUMMARY_COLUMNS(db)}, c.basis, c.content, c.audience,
      c.withheld_reason as "withheldReason", c.level, c.version, c.position_id as "positionId", p.name as "positionName",
      c.created_at as "createdAt", ${entryScope(db, scope)} as "inScope"
    from catalog_entries c
    join departments d on d.id = c.department_id
    join regions r on r.code = c.region_code
    left join positions p on p.id = c.position_id
    where c.id = ${id}`;
  if (!row) return 'missing';
  if (!row.inScope) return 'outside';
  const { positionId, positionName, createdAt, ...rest } = row;
  const entry = Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'inScope')) as Omit<typeof rest, 'inScope'>;
  return {
    ...entry,
    position: positionId !== null ? { id: positionId, name: positionName ?? '' } : null,
    createdAt: createdAt.toISOString(),
  };
}

export interface CatalogEntryWithObligations extends CatalogEntryDetail {
  obligations: {
    counts: ObligationCounts;
    /** The open ones, earliest due first, at most OPEN_OBLIGATIONS_SHOWN. */
    open: ObligationView[];
  };
}

export const OPEN_OBLIGATIONS_SHOWN = 20;

/** An entry with how its obligations stand: the catalog page's drawer and GET /api/v1/catalog/:id. */
export async function findCatalogEntryWithObligations(
  db: Db,
  scope: Scope,
  id: number,
  at: Date,
): Promise<CatalogEntryWithObligations | 'outside' | 'missing'> {
  const entry = await findCatalogEntry(db, scope, id);
  if (typeof entry === 'string') return entry;
  const [counts, open] = await Promise.all([
    countObligations(db, scope, { entryId: id }, at),
    listOpenObligations(db, scope, { entryId: id, window: 'open', limit: OPEN_OBLIGATIONS_SHOWN }, at),
  ]);
  return { ...entry, obligations: { counts, open } };
}
