// Reads of the reports table, in the user's scope (a report belongs to its region).
import { actorNames } from '../auth/actor-names';
import { scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import type { ReportData } from './report-data';

export interface ReportSummary {
  id: number;
  regionId: string;
  regionName: string;
  period: string;
  builtAt: string;
  builtBy: string;
  /** What the page shows for builtBy (lib/auth/actor-names.ts). */
  builtByName: string;
  departments: number;
  averageScore: number | null;
}

const regionOnly = { regionPath: 'r.path', departmentId: null } as const;

export async function listReports(db: Db, scope: Scope, page: { offset: number; limit: number }): Promise<{ rows: ReportSummary[]; total: number }> {
  const rows = await db<(Omit<ReportSummary, 'builtAt' | 'builtByName'> & { builtAt: Date })[]>`
    select p.id, p.region_code as "regionId", r.name as "regionName", p.period, p.built_at as "builtAt",
      p.built_by as "builtBy", (p.data->'summary'->>'departments')::int as departments,
      (p.data->'summary'->>'averageScore')::numeric::float8 as "averageScore"
    from reports p join regions r on r.code = p.region_code
    where ${scopeFilter(db, scope, regionOnly)}
    order by p.period desc, length(r.path), p.region_code
    limit ${page.limit} offset ${page.offset}`;
  const [count] = await db<{ n: number }[]>`
    select count(*)::int as n from reports p join regions r on r.code = p.region_code where ${scopeFilter(db, scope, regionOnly)}`;
  const names = await actorNames(db, rows.map((r) => r.builtBy));
  return { rows: rows.map((r) => ({ ...r, builtAt: r.builtAt.toISOString(), builtByName: names.get(r.builtBy) ?? r.builtBy })), total: count!.n };
}

export type ReportFileKind = 'xlsx' | 'pdf';

export async function findReport(
  db: Db,
  scope: Scope,
  id: number,
): Promise<{ data: ReportData; regionId: string } | 'missing' | 'outside'> {
  const [row] = await db<{ data: ReportData; regionId: string; inScope: boolean }[]>`
    select p.data, p.region_code as "regionId", ${scopeFilter(db, scope, regionOnly)} as "inScope"
    from reports p join regions r on r.code = p.region_code where p.id = ${id}`;
  if (!row) return 'missing';
  return row.inScope ? { data: row.data, regionId: row.regionId } : 'outside';
}

export async function findReportFile(
  db: Db,
  scope: Scope,
  id: number,
  kind: ReportFileKind,
): Promise<{ file: Buffer | null; data: ReportData } | 'missing' | 'outside'> {
  const [row] = await db<{ file: Buffer | null; data: ReportData; inScope: boolean }[]>`
    select ${kind === 'xlsx' ? db`p.xlsx` : db`p.pdf`} as file, p.data, ${scopeFilter(db, scope, regionOnly)} as "inScope"
    from reports p join regions r on r.code = p.region_code where p.id = ${id}`;
  if (!row) return 'missing';
  return row.inScope ? { file: row.file, data: row.data } : 'outside';
}
