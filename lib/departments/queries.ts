// Reads of 部门 for the department list and page, always within a user's scope (a department user sees
// only their own department).
import { scopeFilter, type Scope } from '../auth/scope';
import type { Domain } from '../catalog/domains';
import type { Db } from '../db/sql';

export interface DepartmentDetail {
  id: number;
  code: string;
  orgCode: string;
  name: string;
  shortName: string;
  regionId: string;
  regionName: string;
  domains: Domain[];
  positions: { id: number; name: string }[];
  /** Current catalog entries the department is responsible for. */
  catalogEntries: number;
  /** Unresolved (open or acknowledged) alerts. */
  openAlerts: number;
}

export interface DepartmentStats {
  id: number;
  name: string;
  orgCode: string;
  regionId: string;
  regionName: string;
  catalogEntries: number;
  openObligations: number;
  overdueObligations: number;
  openAlerts: number;
}

export interface DepartmentListFilter {
  /** The departments of this region and every region below it. */
  regionCode?: string;
  /** Matched against the name, case-insensitively. */
  q?: string;
}

const departmentScope = (db: Db, scope: Scope) => scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' });

/** 'outside' lets a caller refuse a department beyond the scope apart from a missing one. */
export async function findDepartment(db: Db, scope: Scope, id: number): Promise<DepartmentDetail | 'outside' | 'missing'> {
  const [row] = await db<(Omit<DepartmentDetail, 'positions'> & { inScope: boolean })[]>`
    select d.id, d.code, d.org_code as "orgCode", d.name, d.short_name as "shortName", d.region_code as "regionId",
      r.name as "regionName", d.domains,
      (select count(*)::int from catalog_entries c
        where c.department_id = d.id and c.is_current and c.retired_at is null) as "catalogEntries",
      (select count(*)::int from alerts a where a.department_id = d.id and a.state <> 'resolved') as "openAlerts",
      ${departmentScope(db, scope)} as "inScope"
    from departments d join regions r on r.code = d.region_code
    where d.id = ${id}`;
  if (!row) return 'missing';
  if (!row.inScope) return 'outside';
  const positions = await db<{ id: number; name: string }[]>`
    select id, name from positions where department_id = ${id} order by id`;
  return {
    id: row.id,
    code: row.code,
    orgCode: row.orgCode,
    name: row.name,
    shortName: row.shortName,
    regionId: row.regionId,
    regionName: row.regionName,
    domains: row.domains,
    positions,
    catalogEntries: row.catalogEntries,
    openAlerts: row.openAlerts,
  };
}

/** `and` the region joined as `r` is this region or lies below it; nothing without a region. */
function inRegion(db: Db, regionCode: string | undefined) {
  return regionCode
    ? db`and (r.code = ${regionCode} or r.path like (select path from regions where code = ${regionCode}) || '.%')`
    : db``;
}

function listClause(db: Db, scope: Scope, filter: DepartmentListFilter) {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  return db`
    ${departmentScope(db, scope)}
    ${inRegion(db, filter.regionCode)}
    ${pattern ? db`and d.name ilike ${pattern}` : db``}`;
}

/** Departments with their open and overdue obligations and open alerts, the most overdue first. */
export async function listDepartmentStats(
  db: Db,
  scope: Scope,
  filter: DepartmentListFilter,
  page: { offset: number; limit: number },
  at: Date,
): Promise<DepartmentStats[]> {
  return db<DepartmentStats[]>`
    with listed as (
      select d.id, d.name, d.org_code, d.region_code, r.short_name as region_name
      from departments d join regions r on r.code = d.region_code
      where ${listClause(db, scope, filter)}
    ),
    -- open obligations and unresolved alerts are a small share of their tables: read them through their
    -- partial indexes by region (obligations_region_open, alerts_unresolved_summary), not per department
    open_obligations as (
      select o.department_id, count(*)::int as open, (count(*) filter (where o.due_at <= ${at}))::int as overdue
      from obligations o join regions r on r.code = o.region_code
      where o.state = 'open' and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'o.department_id' })}
        ${inRegion(db, filter.regionCode)}
      group by o.department_id
    ),
    open_alerts as (
      select a.department_id, count(*)::int as n
      from alerts a join regions r on r.code = a.region_code
      where a.state <> 'resolved' and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'a.department_id' })}
        ${inRegion(db, filter.regionCode)}
      group by a.department_id
    ),
    entries as (
      select c.department_id, count(*)::int as n
      from catalog_entries c
      where c.is_current and c.retired_at is null and c.department_id in (select id from listed)
      group by c.department_id
    )
    select l.id, l.name, l.org_code as "orgCode", l.region_code as "regionId", l.region_name as "regionName",
      coalesce(e.n, 0) as "catalogEntries", coalesce(o.open, 0) as "openObligations",
      coalesce(o.overdue, 0) as "overdueObligations", coalesce(a.n, 0) as "openAlerts"
    from listed l
    left join open_obligations o on o.department_id = l.id
    left join open_alerts a on a.department_id = l.id
    left join entries e on e.department_id = l.id
    order by coalesce(o.overdue, 0) desc, coalesce(o.open, 0) desc, l.region_code, l.id
    limit ${page.limit} offset ${page.offset}`;
}

export async function countDepartments(db: Db, scope: Scope, filter: DepartmentListFilter): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n
    from departments d join regions r on r.code = d.region_code
    where ${listClause(db, scope, filter)}`;
  return row?.n ?? 0;
}
