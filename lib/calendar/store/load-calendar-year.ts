// 载入工作日历 (PUT /api/v1/calendar/:year): replaces a year's arrangement, records it in the audit trail,
// and in the same transaction moves every open obligation whose working-day count touches that year — the
// provisional ones counted on weekends alone become final, and those whose due day changed move — bringing
// their deadline alerts in line. After the commit the caller hands the result to afterCalendarYearLoaded.
// Correcting one day (set-calendar-day.ts) replaces the year the same way, through replaceYearAndRecompute.
import { afterAlertChanges } from '../../alerts/after-alert-changes';
import type { AlertChange } from '../../alerts/apply-findings';
import { recordAudit } from '../../audit/record-audit';
import type { Db, Sql } from '../../db/sql';
import { log } from '../../log';
import type { RealtimeEmitter } from '../../realtime/emit';
import { resyncObligations } from '../../rules/store/resync-obligations';
import { loadRules } from '../../rules/store/queries';
import { listOpenObligations } from '../../rules/store/rule-subjects';
import { arrangementProblems, type ArrangementBody } from '../arrangement';
import { invalidateCalendarCache } from './calendar-cache';
import { loadCalendar, replaceCalendarYear, type CalendarYearReplacement } from './queries';
import { dayFromParts, startOfShanghaiDay } from '../ymd';

export type LoadCalendarYearResult =
  | { ok: true; changes: AlertChange[]; moved: number; recomputed: number }
  | { ok: false; fields: Record<string, string> };

export async function loadCalendarYear(
  sql: Sql,
  input: { year: number; arrangement: ArrangementBody; actor: string; at: Date },
): Promise<LoadCalendarYearResult> {
  const { year, arrangement, actor, at } = input;
  const fields = arrangementProblems(year, arrangement);
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const holidays = [...arrangement.holidays].sort();
  const workdays = [...arrangement.workdays].sort();
  return sql.begin(async (tx) => {
    await lockCalendarYear(tx, year);
    const [previous] = await tx<{ source: string; loaded_by: string; loaded_at: Date }[]>`
      select source, loaded_by, loaded_at from calendar_years where year = ${year}`;
    const previousDays = await tx<{ day: string; kind: 'holiday' | 'workday' }[]>`
      select day::text as day, kind from calendar_days
      where day >= make_date(${year}::int, 1, 1) and day < make_date(${year + 1}::int, 1, 1) order by day`;
    await recordAudit(tx, {
      actor,
      entity: 'calendar',
      entityId: year,
      action: previous ? 'replace' : 'load',
      before: previous
        ? {
            source: previous.source,
            holidays: previousDays.filter((d) => d.kind === 'holiday').map((d) => d.day),
            workdays: previousDays.filter((d) => d.kind === 'workday').map((d) => d.day),
          }
        : null,
      after: { source: arrangement.source?.trim() || '管理员载入', holidays, workdays },
    });
    const source = arrangement.source?.trim() || '管理员载入';
    return { ok: true as const, ...(await replaceYearAndRecompute(tx, { year, holidays, workdays, source, loadedBy: actor, at })) };
  });
}

/** One change of a year's calendar at a time: two admins loading or correcting the same year serialize. */
export async function lockCalendarYear(tx: Db, year: number): Promise<void> {
  await tx`select pg_advisory_xact_lock(727115311, ${year})`;
}

/**
 * Writes the year's arrangement and, in the caller's transaction, recomputes every open obligation whose
 * count touches that year, returning the alert changes for afterCalendarYearLoaded.
 */
export async function replaceYearAndRecompute(
  tx: Db,
  replacement: CalendarYearReplacement,
): Promise<{ changes: AlertChange[]; moved: number; recomputed: number }> {
  const { year, at } = replacement;
  await replaceCalendarYear(tx, replacement);
  const [calendar, rules] = await Promise.all([loadCalendar(tx), loadRules(tx)]);
  const yearStart = startOfShanghaiDay(dayFromParts(year, 1, 1));
  const nextYearStart = startOfShanghaiDay(dayFromParts(year + 1, 1, 1));
  // a count from anchor to the severe day that crosses the year depends on its arrangement
  const touchesYear = tx`and (o.is_provisional or (o.anchor_at < ${nextYearStart} and o.severe_at >= ${yearStart}))`;
  const changes: AlertChange[] = [];
  let moved = 0;
  let recomputed = 0;
  for (let afterId = 0; ; ) {
    const batch = await listOpenObligations(tx, touchesYear, afterId);
    if (batch.length === 0) break;
    const result = await resyncObligations(tx, batch, { rules, calendar, at });
    changes.push(...result.changes);
    moved += result.moved.length;
    recomputed += batch.length;
    afterId = batch[batch.length - 1]!.id;
  }
  return { changes, moved, recomputed };
}

/**
 * The load's effects after its commit: this process sees the new calendar at once (others within their stamp
 * check), and the moved alerts are pushed and their rescores owed. The year is loaded either way, so a failed
 * push is only logged: pages show the moved alerts on their next load.
 */
export async function afterCalendarYearLoaded(db: Db, emitter: RealtimeEmitter, changes: readonly AlertChange[]): Promise<void> {
  invalidateCalendarCache();
  await afterAlertChanges(db, emitter, changes).catch((error: Error) => log.warn({ err: error.message }, 'calendar alert push failed'));
}
