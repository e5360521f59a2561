// Reads one region's month for its report. Scores come from the scores table (the caller recomputes them
// first); obligations, items and complaints are counted over the region's subtree.
import { complaintFigures, listComplaintCases } from '../complaints/scoring-figures';
import type { Db } from '../db/sql';
import { countDisputesByDepartment } from '../disputes/queries';
import type { ScoreResult } from '../scoring/compute-score';
import { addMonths, periodRange, type Period } from '../scoring/period';
import { rankScores } from '../scoring/rank-scores';
import { countRequestFigures } from './count-request-figures';
import type { ReportData } from './report-data';

const WORST_OVERDUE = 20;
const DAY_MS = 86_400_000;

export async function gatherReportData(db: Db, input: { regionCode: string; period: Period; at: Date }): Promise<ReportData> {
  const { start, end } = periodRange(input.period);
  const { at } = input;
  const [region] = await db<{ code: string; name: string; path: string }[]>`
    select code, name, path from regions where code = ${input.regionCode}`;
  if (!region) throw new Error(`region ${input.regionCode} not found`);
  const inRegion = (column: string) => db`(${db(column)} = ${region.path} or ${db(column)} like ${`${region.path}.%`})`;

  const departments = await db<{ id: number; name: string; regionName: string }[]>`
    select d.id, d.name, r.name as "regionName" from departments d join regions r on r.code = d.region_code
    where ${inRegion('r.path')} order by d.id`;
  const ids = departments.map((d) => d.id);
  const scores = await db<{ departmentId: number; period: string; total: string | null; breakdown: ScoreResult }[]>`
    select department_id as "departmentId", period, total, breakdown from scores
    where subject_type = 'department' and department_id = any(${ids}::bigint[])
      and period in (${input.period}, ${addMonths(input.period, -1)})`;
  const current = new Map(scores.filter((s) => s.period === input.period).map((s) => [s.departmentId, s]));
  const previous = new Map(scores.filter((s) => s.period !== input.period).map((s) => [s.departmentId, s.total === null ? null : Number(s.total)]));
  const rateOf = (breakdown: ScoreResult | undefined, key: string) => breakdown?.indicators.find((i) => i.key === key)?.rate ?? null;

  const ranking = rankScores(
    departments.map((d) => {
      const score = current.get(d.id);
      return {
        departmentId: d.id,
        departmentName: d.name,
        regionName: d.regionName,
        total: score?.total == null ? null : Number(score.total),
        previousTotal: previous.get(d.id) ?? null,
        timelinessRate: rateOf(score?.breakdown, 'timeliness'),
        completenessRate: rateOf(score?.breakdown, 'completeness'),
        redAlerts: score?.breakdown.deductions.redAlerts ?? 0,
      };
    }),
  );
  const scored = ranking.filter((r) => r.total !== null);

  const [obligations] = await db<{ due: number; onTime: number; late: number; overdue: number }[]>`
    select count(*)::int as due,
      count(*) filter (where o.fulfilled_at <= o.due_at)::int as "onTime",
      count(*) filter (where o.fulfilled_at > o.due_at)::int as late,
      count(*) filter (where o.fulfilled_at is null)::int as overdue
    from obligations o join regions r on r.code = o.region_code
    where ${inRegion('r.path')} and o.state <> 'cancelled' and o.due_at > ${start} and o.due_at <= ${end}
      and (o.due_at <= ${at} or o.fulfilled_at <= ${at})`;
  const worst = await db<{ itemId: number | null; title: string; departmentName: string; dueAt: Date; fulfilledAt: Date | null }[]>`
    select coalesce(o.item_id, o.fulfilled_by_item_id) as "itemId", coalesce(i.title, c.name) as title,
      d.name as "departmentName", o.due_at as "dueAt", o.fulfilled_at as "fulfilledAt"
    from obligations o
    join regions r on r.code = o.region_code
    join departments d on d.id = o.department_id
    join catalog_entries c on c.id = o.catalog_entry_id
    left join items i on i.id = coalesce(o.item_id, o.fulfilled_by_item_id)
    where ${inRegion('r.path')} and o.state <> 'cancelled' and o.due_at > ${start} and o.due_at <= ${end}
      and o.due_at <= ${at} and (o.fulfilled_at is null or o.fulfilled_at > o.due_at)
    order by coalesce(o.fulfilled_at, ${at}) - o.due_at desc, o.id
    limit ${WORST_OVERDUE}`;
  const [items] = await db<{ published: number; incomplete: number }[]>`
    select count(*)::int as published,
      count(*) filter (where exists (
        select 1 from alerts a where a.item_id = i.id and a.subject_type = 'item'
          and a.rule_kind in ('completeness', 'channel') and a.resolution is distinct from 'manual'))::int as incomplete
    from items i join regions r on r.code = i.region_code
    where ${inRegion('r.path')} and i.published_at >= ${start} and i.published_at < ${end} and i.withdrawn_at is null`;
  const [reds] = await db<{ n: number }[]>`
    select count(*)::int as n from alerts a join regions r on r.code = a.region_code
    where ${inRegion('r.path')} and a.level = 'red' and a.opened_at < ${end} and a.updated_at >= ${start}`;

  const cases = ids.length > 0 ? await listComplaintCases(db, { start, end, asOf: at, departmentIds: ids }) : [];
  const figures = complaintFigures(cases).filter((f) => f.positionId === null);
  const all = complaintFigures(cases.map((c) => ({ ...c, departmentId: 0, positionId: null })))[0];
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const disputes = ids.length > 0 ? await countDisputesByDepartment(db, input.period, ids) : [];
  const requests = await countRequestFigures(db, { regionPath: region.path, start, end, at });

  return {
    region: { code: region.code, name: region.name },
    period: input.period,
    generatedAt: at.toISOString(),
    summary: {
      departments: departments.length,
      scoredDepartments: scored.length,
      averageScore: scored.length > 0 ? Math.round((scored.reduce((sum, r) => sum + r.total!, 0) / scored.length) * 100) / 100 : null,
      obligationsDue: obligations!.due,
      onTime: obligations!.onTime,
      late: obligations!.late,
      overdue: obligations!.overdue,
      itemsPublished: items!.published,
      itemsIncomplete: items!.incomplete,
      redAlerts: reds!.n,
      complaints: cases.length,
      acceptInTimeRate: all?.acceptInTime.rate ?? null,
      replyInTimeRate: all?.replyInTime.rate ?? null,
      satisfactionRate: all?.satisfaction.rate ?? null,
    },
    ranking,
    worstOverdue: worst.map((w) => ({
      itemId: w.itemId,
      title: w.title,
      departmentName: w.departmentName,
      dueAt: w.dueAt.toISOString(),
      fulfilledAt: w.fulfilledAt?.toISOString() ?? null,
      daysLate: Math.floor(((w.fulfilledAt ?? at).getTime() - w.dueAt.getTime()) / DAY_MS),
    })),
    complaintsByDepartment: figures
      .map((f) => ({
        departmentName: nameOf.get(f.departmentId) ?? '',
        complaints: cases.filter((c) => c.departmentId === f.departmentId).length,
        acceptInTimeRate: f.acceptInTime.rate,
        replyInTimeRate: f.replyInTime.rate,
        satisfactionRate: f.satisfaction.rate,
      }))
      .sort((a, b) => b.complaints - a.complaints),
    disputesByDepartment: disputes
      .map((d) => ({ departmentName: nameOf.get(d.departmentId) ?? '', filed: d.filed, accepted: d.accepted, rejected: d.rejected }))
      .sort((a, b) => b.filed - a.filed || b.accepted - a.accepted),
    requests,
  };
}
