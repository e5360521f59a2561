// 每日新增与解除预警: alerts opened and resolved per day (Asia/Shanghai) in the user's scope, among those the
// wall's filter matches whatever their state now, the last N days up to and including today, every day present
// (zeros too) so a chart has no gaps. Reads the indexes
// alerts_region_opened / alerts_region_resolved (migration 0004): per region in scope, a range of days.
import { scopeFilter, type Scope } from '../auth/scope';
import { addDaysToDay, endOfShanghaiDay, fromDayNumber, requireDayNumber, shanghaiDayOf, startOfShanghaiDay, type Ymd } from '../calendar/ymd';
import type { Db } from '../db/sql';
import { dailyFilterOf, type AlertListFilter } from './alert-filter';
import { alertFilterSql } from './alert-filter-sql';

export interface DailyAlertCount {
  day: Ymd;
  opened: number;
  resolved: number;
  /** Of `resolved`, those resolved by hand with a reason (人工解除); the rest cleared themselves. */
  resolvedManually: number;
}

export interface DailyAlertCounts {
  days: DailyAlertCount[];
  /** The highest seq the counts include (one snapshot), so a browser adds only later live changes. */
  asOfSeq: number;
}

export const MAX_DAILY_DAYS = 366;

// Asia/Shanghai has kept +08:00 since 1991: a day number is plain arithmetic on the epoch, several times
// cheaper per row than `at time zone` on a province's tens of thousands of alerts a month.
const SHANGHAI_OFFSET_S = 8 * 3600;
const SECONDS_PER_DAY = 86_400;

/** `until`: count only what happened up to this instant (回看, as-of.ts); otherwise the whole of the last day. */
export async function getDailyAlertCounts(
  db: Db,
  scope: Scope,
  options: { days: number; at: Date; until?: Date; filter?: AlertListFilter },
): Promise<DailyAlertCounts> {
  const lastDay = shanghaiDayOf(options.at);
  const firstDay = addDaysToDay(lastDay, 1 - options.days);
  const start = startOfShanghaiDay(firstDay);
  const endOfLastDay = endOfShanghaiDay(lastDay);
  const end = options.until && options.until < endOfLastDay ? new Date(options.until.getTime() + 1) : endOfLastDay;
  const inScope = db`${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'a.department_id' })}
    ${alertFilterSql(db, dailyFilterOf(options.filter ?? {}))}`;
  const dayOf = (column: string) =>
    db`((extract(epoch from ${db(column)})::bigint + ${SHANGHAI_OFFSET_S}) / ${SECONDS_PER_DAY})::int`;
  const rows = await db<{ day: number; opened: number; resolved: number; resolvedManually: number; asOfSeq: number }[]>`
    with opened as (
      select ${dayOf('a.opened_at')} as day, count(*)::int as n
      from alerts a join regions r on r.code = a.region_code
      where a.opened_at >= ${start} and a.opened_at < ${end} and ${inScope}
      group by 1
    ),
    resolved as (
      select ${dayOf('a.resolved_at')} as day, count(*)::int as n,
        (count(*) filter (where a.resolution = 'manual'))::int as manual
      from alerts a join regions r on r.code = a.region_code
      where a.resolved_at >= ${start} and a.resolved_at < ${end} and ${inScope}
      group by 1
    )
    select d.day, coalesce(o.n, 0) as opened, coalesce(x.n, 0) as resolved, coalesce(x.manual, 0) as "resolvedManually",
      (select coalesce(max(seq), 0) from alerts) as "asOfSeq"
    from generate_series(${requireDayNumber(firstDay)}::int, ${requireDayNumber(lastDay)}::int) as d(day)
    left join opened o on o.day = d.day
    left join resolved x on x.day = d.day
    order by d.day`;
  return {
    days: rows.map(({ day, opened, resolved, resolvedManually }) => ({ day: fromDayNumber(day), opened, resolved, resolvedManually })),
    asOfSeq: rows[0]?.asOfSeq ?? 0,
  };
}
