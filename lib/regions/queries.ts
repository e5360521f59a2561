// Reads of the region tree and its departments, always within a user's scope.
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import type { RegionRow } from './region-tree';

export interface RegionSummary {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export interface DepartmentSummary {
  id: number;
  code: string;
  orgCode: string;
  name: string;
  regionId: string;
}

const regionsOnly = { regionPath: 'r.path', departmentId: null };

export async function findRegionName(db: Db, code: string): Promise<string | null> {
  const [region] = await db<{ name: string }[]>`select name from regions where code = ${code}`;
  return region?.name ?? null;
}

export async function listRegionsInScope(
  db: Db,
  scope: Scope,
  page: { afterCode?: string; limit: number },
): Promise<RegionSummary[]> {
  return db<RegionSummary[]>`
    select r.code, r.name, r.level, r.parent_code as "parentCode"
    from regions r
    where ${scopeFilter(db, scope, regionsOnly)}
      ${page.afterCode ? db`and r.code > ${page.afterCode}` : db``}
    order by r.code
    limit ${page.limit}`;
}

/** 'outside' lets a route refuse a region that exists beyond the user's scope apart from a missing one. */
export async function locateRegion(db: Db, scope: Scope, code: string): Promise<'inside' | 'outside' | 'missing'> {
  const [region] = await db<{ inScope: boolean }[]>`
    select ${scopeFilter(db, scope, regionsOnly)} as "inScope" from regions r where r.code = ${code}`;
  if (!region) return 'missing';
  return region.inScope ? 'inside' : 'outside';
}

export async function listDepartmentsInScope(
  db: Db,
  scope: Scope,
  filter: { regionCode?: string; afterId?: number; limit: number },
): Promise<DepartmentSummary[]> {
  return db<DepartmentSummary[]>`
    select d.id, d.code, d.org_code as "orgCode", d.name, d.region_code as "regionId"
    from departments d join regions r on r.code = d.region_code
    where ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}
      ${filter.regionCode ? db`and d.region_code = ${filter.regionCode}` : db``}
      ${filter.afterId !== undefined ? db`and d.id > ${filter.afterId}` : db``}
    order by d.id
    limit ${filter.limit}`;
}

/** Each region in scope with its own counts; a department user counts only their department's rows. */
export async function listRegionCounts(db: Db, scope: Scope, at: Date): Promise<RegionRow[]> {
  return db<RegionRow[]>`
    with entries as (
      select c.region_code, count(*)::int as n
      from catalog_entries c join regions r on r.code = c.region_code
      where c.is_current and c.retired_at is null
        and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'c.department_id' })}
      group by c.region_code
    ),
    published as (
      select i.region_code, count(*)::int as n
      from items i join regions r on r.code = i.region_code
      where i.withdrawn_at is null and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'i.department_id' })}
      group by i.region_code
    ),
    open_obligations as (
      select o.region_code, count(*)::int as n, (count(*) filter (where o.due_at <= ${at}))::int as overdue
      from obligations o join regions r on r.code = o.region_code
      where o.state = 'open' and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'o.department_id' })}
      group by o.region_code
    )
    select r.code, r.name, r.short_name as "shortName", r.level, r.parent_code as "parentCode", r.is_pilot as "isPilot",
      coalesce(e.n, 0) as "catalogEntries", coalesce(p.n, 0) as "items",
      coalesce(o.n, 0) as "openObligations", coalesce(o.overdue, 0) as "overdueObligations"
    from regions r
    left join entries e on e.region_code = r.code
    left join published p on p.region_code = r.code
    left join open_obligations o on o.region_code = r.code
    where ${scopeFilter(db, scope, regionsOnly)}
    order by r.code`;
}
