// 监督总览's counters: unresolved alerts in scope by level and state, by domain, and the departments with
// the most, among those the wall's filter matches. One statement, so every count and `asOfSeq` come from one snapshot: since seqs are handed out
// in commit order (alert-seq-lock.ts), the counts contain exactly the changes up to asOfSeq, and a browser
// replays on top of them only the live changes with a higher seq (summary-counters.ts).
// Reads the partial index alerts_unresolved_summary (migration 0004) and never touches resolved history.
import type postgres from 'postgres';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import type { AlertLevel } from '../rules/rule';
import type { AlertState } from './alert';
import { summaryFilterOf, type AlertListFilter } from './alert-filter';
import { alertFilterSql } from './alert-filter-sql';
import { DOMAINS, type Domain } from './labels';
import { compareDepartments, emptyLevelCounts } from './summary-counters';

export type LevelCounts = Record<AlertLevel, number>;

export interface DomainCount {
  domain: Domain;
  total: number;
  byLevel: LevelCounts;
}

export interface DepartmentCount {
  departmentId: number;
  departmentName: string;
  regionId: string;
  total: number;
  byLevel: LevelCounts;
}

export interface AlertSummary {
  /** The highest seq the counts include. */
  asOfSeq: number;
  total: number;
  byLevel: LevelCounts;
  byState: Record<Exclude<AlertState, 'resolved'>, number>;
  /** The 9 pilot domains in their fixed order, then 'other' when it has any. */
  byDomain: DomainCount[];
  /** Most unresolved alerts first (then most red); at most `topDepartments` of them. */
  topDepartments: DepartmentCount[];
}

export const TOP_DEPARTMENTS = 10;

interface FacetRow {
  facet: 'level' | 'domain' | 'department' | 'seq';
  key: string;
  sub: string | null;
  n: number;
  name: string | null;
  region: string | null;
}

/** The counters of the unresolved alerts a list filter matches (summaryFilterOf: the state as it narrows them). */
export async function getAlertSummary(
  db: Db,
  scope: Scope,
  options: { filter?: AlertListFilter; topDepartments?: number } = {},
): Promise<AlertSummary> {
  const scoped = db`
    select a.level, a.state, coalesce(a.domain, 'other') as domain, a.department_id
    from alerts a join regions r on r.code = a.region_code
    where a.state <> 'resolved'
      and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'a.department_id' })}
      ${alertFilterSql(db, summaryFilterOf(options.filter ?? {}))}`;
  return summarizeAlerts(db, scoped, db`(select coalesce(max(seq), 0) from alerts)`, options);
}

/**
 * The counters of the unresolved alerts `scoped` selects (columns level, state, domain, department_id), in
 * one statement with `asOfSeq`: the live ones above, and those of a moment in the past (as-of.ts).
 */
export async function summarizeAlerts(
  db: Db,
  scoped: postgres.Fragment,
  asOfSeq: postgres.Fragment,
  options: { topDepartments?: number } = {},
): Promise<AlertSummary> {
  const rows = await db<FacetRow[]>`
    with scoped as materialized (${scoped}),
    top as (
      select department_id from scoped group by department_id
      order by count(*) desc, count(*) filter (where level = 'red') desc, department_id
      limit ${options.topDepartments ?? TOP_DEPARTMENTS}
    )
    select 'level' as facet, level as key, state as sub, count(*)::int as n, null as name, null as region
      from scoped group by level, state
    union all
    select 'domain', domain, level, count(*)::int, null, null from scoped group by domain, level
    union all
    select 'department', s.department_id::text, s.level, count(*)::int, d.name, d.region_code
      from scoped s join top t on t.department_id = s.department_id join departments d on d.id = s.department_id
      group by s.department_id, s.level, d.name, d.region_code
    union all
    select 'seq', ${asOfSeq}::text, null, 0, null, null`;
  return summaryFromRows(rows);
}

function summaryFromRows(rows: readonly FacetRow[]): AlertSummary {
  const summary: AlertSummary = {
    asOfSeq: 0,
    total: 0,
    byLevel: emptyLevelCounts(),
    byState: { open: 0, acknowledged: 0 },
    byDomain: [],
    topDepartments: [],
  };
  const domains = new Map<Domain, DomainCount>(
    DOMAINS.map((domain) => [domain, { domain, total: 0, byLevel: emptyLevelCounts() }]),
  );
  const departments = new Map<number, DepartmentCount>();
  for (const row of rows) {
    const level = row.sub as AlertLevel;
    if (row.facet === 'seq') {
      summary.asOfSeq = Number(row.key);
    } else if (row.facet === 'level') {
      const key = row.key as AlertLevel;
      summary.total += row.n;
      summary.byLevel[key] += row.n;
      summary.byState[row.sub as 'open' | 'acknowledged'] += row.n;
    } else if (row.facet === 'domain') {
      const entry = domains.get(row.key as Domain) ?? domains.get('other')!;
      entry.total += row.n;
      entry.byLevel[level] += row.n;
    } else {
      const id = Number(row.key);
      const entry = departments.get(id) ?? {
        departmentId: id,
        departmentName: row.name ?? '',
        regionId: row.region ?? '',
        total: 0,
        byLevel: emptyLevelCounts(),
      };
      entry.total += row.n;
      entry.byLevel[level] += row.n;
      departments.set(id, entry);
    }
  }
  summary.byDomain = [...domains.values()].filter((entry) => entry.domain !== 'other' || entry.total > 0);
  summary.topDepartments = [...departments.values()].sort(compareDepartments);
  return summary;
}
