// Which monthly reports should exist and do not: every complete month from the first one with an obligation
// due (a fresh install has no history to report on) up to `months` back, for every region with a department
// in its subtree (as listReportRegions), minus the (region, month) pairs the reports table already holds.
import type { Db } from '../db/sql';
import { addMonths, periodOfDeadline, type Period } from '../scoring/period';

export async function listMissingReports(
  db: Db,
  input: { current: Period; months: number },
): Promise<{ regionCode: string; period: Period }[]> {
  const [first] = await db<{ due: Date | null }[]>`select min(due_at) as due from obligations`;
  if (!first?.due) return [];
  const earliest = addMonths(input.current, -input.months);
  const start = periodOfDeadline(first.due) > earliest ? periodOfDeadline(first.due) : earliest;
  const periods: Period[] = [];
  for (let period = start; period < input.current; period = addMonths(period, 1)) periods.push(period);
  if (periods.length === 0) return [];
  return db<{ regionCode: string; period: Period }[]>`
    select r.code as "regionCode", p.period
    from unnest(${periods}::text[]) as p(period) cross join regions r
    where exists (select 1 from departments d join regions dr on dr.code = d.region_code
                  where dr.path = r.path or dr.path like r.path || '.%')
      and not exists (select 1 from reports x where x.region_code = r.code and x.period = p.period)
    order by p.period, length(r.path), r.code`;
}
