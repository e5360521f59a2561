// League tables: a month's department (or position) scores in the user's scope, optionally of one region's
// subtree, ranked (equal totals share a rank, null totals last), with the month before and a trend.
import { scopeFilter, type Scope } from '../../auth/scope';
import type { Db } from '../../db/sql';
import { isThinSample, type IndicatorResult, type ScoreResult, type ScoreStatus } from '../compute-score';
import { addMonths, periodsEndingWith, type Period } from '../period';

export const TREND_MONTHS = 6;

export interface ScoreRow {
  departmentId: number;
  departmentName: string;
  positionId: number | null;
  positionName: string | null;
  regionId: string;
  regionName: string;
  period: Period;
  total: number | null;
  /** Equal totals share a rank; a null total (nothing due) ranks after every scored row. */
  rank: number;
  /** Another row of the table has the same total (并列). */
  tied: boolean;
  /** Most indicators had too few cases to score: the total rests on little (DESIGN §1 样本不足). */
  thinSample: boolean;
  /** The indicator breakdown; the facts behind each lost point are on the department's page. */
  breakdown: { status: ScoreStatus; indicators: IndicatorResult[]; deductions: ScoreResult['deductions'] };
  previousTotal: number | null;
  /** total − previousTotal, when both exist. */
  change: number | null;
  /** The last TREND_MONTHS months ending with this one, oldest first; missing months are null. */
  trend: { period: Period; total: number | null }[];
}

export interface ScoreListQuery {
  period: Period;
  subject: 'department' | 'position';
  /** Only this region and the regions below it. */
  regionCode?: string;
  /** Page after this (rank, row id). */
  after?: [number, number];
  /** Pages by position instead (the league-table page); ignored with `after`. */
  offset?: number;
  limit: number;
}

interface Row {
  id: number;
  departmentId: number;
  departmentName: string;
  positionId: number | null;
  positionName: string | null;
  regionId: string;
  regionName: string;
  total: string | null;
  rank: number;
  tieCount: number;
  breakdown: ScoreResult;
}

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** Rows with their key for the next page's cursor. */
export async function listScores(db: Db, scope: Scope, query: ScoreListQuery): Promise<{ row: ScoreRow; key: [number, number] }[]> {
  const rows = await db<Row[]>`
    with ranked as (
      select s.id, s.department_id as "departmentId", d.name as "departmentName", s.position_id as "positionId",
        p.name as "positionName", s.region_code as "regionId", r.name as "regionName", s.total, s.breakdown,
        rank() over (order by s.total desc nulls last)::int as rank,
        count(*) over (partition by s.total)::int as "tieCount"
      from scores s
      join departments d on d.id = s.department_id
      join regions r on r.code = s.region_code
      left join positions p on p.id = s.position_id
      where ${leagueRowsFilter(db, scope, query)}
    )
    select * from ranked
    ${query.after ? db`where (rank, id) > (${query.after[0]}, ${query.after[1]})` : db``}
    order by rank, id
    limit ${query.limit}
    ${!query.after && query.offset ? db`offset ${query.offset}` : db``}`;
  if (rows.length === 0) return [];

  const periods = periodsEndingWith(query.period, TREND_MONTHS);
  const history = await db<{ departmentId: number; positionId: number | null; period: string; total: string | null }[]>`
    select department_id as "departmentId", position_id as "positionId", period, total from scores
    where subject_type = ${query.subject} and department_id = any(${[...new Set(rows.map((r) => r.departmentId))]}::bigint[])
      and period = any(${periods}::text[])`;
  const totals = new Map(history.map((h) => [`${h.departmentId}:${h.positionId ?? ''}:${h.period}`, toNumber(h.total)]));
  const previous = addMonths(query.period, -1);

  return rows.map((r) => {
    const at = (period: Period) => totals.get(`${r.departmentId}:${r.positionId ?? ''}:${period}`) ?? null;
    const total = toNumber(r.total);
    const previousTotal = at(previous);
    return {
      key: [r.rank, r.id],
      row: {
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        positionId: r.positionId,
        positionName: r.positionName,
        regionId: r.regionId,
        regionName: r.regionName,
        period: query.period,
        total,
        rank: r.rank,
        tied: total !== null && r.tieCount > 1,
        thinSample: isThinSample(r.breakdown.indicators),
        breakdown: { status: r.breakdown.status, indicators: r.breakdown.indicators, deductions: r.breakdown.deductions },
        previousTotal,
        change: total !== null && previousTotal !== null ? Math.round((total - previousTotal) * 100) / 100 : null,
        trend: periods.map((period) => ({ period, total: at(period) })),
      },
    };
  });
}

/** How many rows the league table has (for its pager). */
export async function countScores(db: Db, scope: Scope, query: Pick<ScoreListQuery, 'period' | 'subject' | 'regionCode'>): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n
    from scores s join regions r on r.code = s.region_code
    where ${leagueRowsFilter(db, scope, query)}`;
  return row!.n;
}

// The league table's rows, for the list and its count alike: the month's scores of one subject within the
// user's scope, and under the picked region if any. Scores as `s`, their regions as `r`.
function leagueRowsFilter(db: Db, scope: Scope, query: Pick<ScoreListQuery, 'period' | 'subject' | 'regionCode'>) {
  return db`s.period = ${query.period} and s.subject_type = ${query.subject}
    and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 's.department_id' })}
    ${
      query.regionCode
        ? db`and exists (select 1 from regions f where f.code = ${query.regionCode}
            and (r.path = f.path or r.path like f.path || '.%'))`
        : db``
    }`;
}

export interface DepartmentScoreDetail {
  departmentId: number;
  departmentName: string;
  regionId: string;
  regionName: string;
  period: Period;
  total: number | null;
  breakdown: ScoreResult;
  weightsVersion: number | null;
  computedAt: string;
  /** 12 months ending with this one. */
  trend: { period: Period; total: number | null }[];
  positions: { positionId: number; positionName: string; total: number | null; status: ScoreStatus }[];
}

/** One department's month with every lost point; 'missing' when not scored, 'outside' when out of scope. */
export async function findDepartmentScore(
  db: Db,
  scope: Scope,
  departmentId: number,
  period: Period,
): Promise<DepartmentScoreDetail | 'missing' | 'outside'> {
  const [department] = await db<{ name: string; regionId: string; regionName: string; inScope: boolean }[]>`
    select d.name, d.region_code as "regionId", r.name as "regionName",
      ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })} as "inScope"
    from departments d join regions r on r.code = d.region_code where d.id = ${departmentId}`;
  if (!department) return 'missing';
  if (!department.inScope) return 'outside';
  const periods = periodsEndingWith(period, 12);
  const rows = await db<{ positionId: number | null; positionName: string | null; period: string; total: string | null; breakdown: ScoreResult; weightsVersion: number | null; computedAt: Date }[]>`
    select s.position_id as "positionId", p.name as "positionName", s.period, s.total, s.breakdown,
      s.weights_version as "weightsVersion", s.computed_at as "computedAt"
    from scores s left join positions p on p.id = s.position_id
    where s.department_id = ${departmentId} and s.period = any(${periods}::text[])
      and (s.subject_type = 'department' or s.period = ${period})`;
  const own = rows.find((r) => r.positionId === null && r.period === period);
  if (!own) return 'missing';
  const byPeriod = new Map(rows.filter((r) => r.positionId === null).map((r) => [r.period, toNumber(r.total)]));
  return {
    departmentId,
    departmentName: department.name,
    regionId: department.regionId,
    regionName: department.regionName,
    period,
    total: toNumber(own.total),
    breakdown: own.breakdown,
    weightsVersion: own.weightsVersion,
    computedAt: own.computedAt.toISOString(),
    trend: periods.map((p) => ({ period: p, total: byPeriod.get(p) ?? null })),
    positions: rows
      .filter((r) => r.positionId !== null)
      .map((r) => ({ positionId: r.positionId!, positionName: r.positionName ?? '', total: toNumber(r.total), status: r.breakdown.status }))
      .sort((a, b) => (b.total ?? -1) - (a.total ?? -1)),
  };
}
