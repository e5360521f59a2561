// 区域汇总: a month's department scores rolled up province → city → county, each region over its subtree.
import { scopeFilter, type Scope } from '../../auth/scope';
import type { Domain } from '../../catalog/domains';
import type { Db } from '../../db/sql';
import { periodRange, type Period } from '../period';

export interface RegionRollup {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  departments: number;
  scored: number;
  /** Mean of the scored departments' totals; null when none was scored. */
  averageScore: number | null;
  minScore: number | null;
  maxScore: number | null;
  redAlerts: number;
}

export async function listRegionRollups(db: Db, scope: Scope, period: Period): Promise<RegionRollup[]> {
  // a department user has no region-wide view: the roll-up is for offices and leaders
  const rows = await db<(Omit<RegionRollup, 'averageScore' | 'minScore' | 'maxScore'> & { averageScore: string | null; minScore: string | null; maxScore: string | null })[]>`
    select r.code, r.name, r.level, r.parent_code as "parentCode",
      count(s.id)::int as departments, count(s.total)::int as scored,
      round(avg(s.total), 2) as "averageScore", min(s.total) as "minScore", max(s.total) as "maxScore",
      coalesce(sum((s.breakdown->'deductions'->>'redAlerts')::int), 0)::int as "redAlerts"
    from regions r
    join regions dr on dr.path = r.path or dr.path like r.path || '.%'
    join scores s on s.region_code = dr.code and s.period = ${period} and s.subject_type = 'department'
    where ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: null })}
    group by r.code, r.name, r.level, r.parent_code, r.path
    order by r.path`;
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({ ...r, averageScore: num(r.averageScore), minScore: num(r.minScore), maxScore: num(r.maxScore) }));
}

export interface OverdueCell {
  departmentId: number;
  departmentName: string;
  domain: Domain;
  due: number;
  notOnTime: number;
}

/**
 * 超期热力图: per department and domain, the month's obligations that fell due and how many of them were
 * not fulfilled on time; the departments with the most such obligations first.
 */
export async function listOverdueHeatmap(
  db: Db,
  scope: Scope,
  input: { period: Period; regionCode?: string; at: Date; departments: number },
): Promise<OverdueCell[]> {
  const { start, end } = periodRange(input.period);
  return db<OverdueCell[]>`
    with cells as (
      select o.department_id, c.domain, count(*)::int as due,
        count(*) filter (where o.fulfilled_at is null or o.fulfilled_at > o.due_at)::int as not_on_time
      from obligations o
      join catalog_entries c on c.id = o.catalog_entry_id
      join regions r on r.code = o.region_code
      where o.state <> 'cancelled' and o.due_at > ${start} and o.due_at <= ${end} and o.due_at <= ${input.at}
        and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'o.department_id' })}
        ${
          input.regionCode
            ? db`and exists (select 1 from regions f where f.code = ${input.regionCode} and (r.path = f.path or r.path like f.path || '.%'))`
            : db``
        }
      group by o.department_id, c.domain
    ), worst as (
      select department_id from cells group by department_id
      order by sum(not_on_time) desc, sum(due) desc, department_id limit ${input.departments}
    )
    select d.id as "departmentId", d.name as "departmentName", cells.domain, cells.due, cells.not_on_time as "notOnTime"
    from cells join worst using (department_id) join departments d on d.id = cells.department_id
    order by d.id, cells.domain`;
}
