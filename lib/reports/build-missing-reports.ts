// Builds the monthly reports that should exist and do not (list-missing-reports.ts), month by month. The
// report worker runs it on start and daily, so a month's reports are there on the 1st even if the machine was
// down that day; the demo seed runs it for the months it seeds. Safe to run twice: a (region, month) that has
// its report is neither listed nor overwritten (the unique key decides a race between two workers).
import type { Sql } from '../db/sql';
import { periodOf, type Period } from '../scoring/period';
import { buildReports } from './build-reports';
import { listMissingReports } from './list-missing-reports';

/** A year back: what leaders compare a month with; older months are built on demand. */
export const REPORT_CATCH_UP_MONTHS = 12;

export async function buildMissingReports(
  sql: Sql,
  input: { at: Date; months?: number },
): Promise<{ id: number; regionCode: string; period: Period }[]> {
  const missing = await listMissingReports(sql, { current: periodOf(input.at), months: input.months ?? REPORT_CATCH_UP_MONTHS });
  const byPeriod = new Map<Period, string[]>();
  for (const { regionCode, period } of missing) byPeriod.set(period, [...(byPeriod.get(period) ?? []), regionCode]);
  const built = [];
  for (const [period, regionCodes] of byPeriod) {
    // a year at once: each PDF is printed when someone first downloads it (migration 0051)
    const reports = await buildReports(sql, { regionCodes, period, at: input.at, actor: 'system', keepExisting: true, pdf: 'on_download' });
    built.push(...reports.map((report) => ({ ...report, period })));
  }
  return built;
}
