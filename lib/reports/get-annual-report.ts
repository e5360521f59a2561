// The annual report of a region's subtree for a year, for a user in whose scope the region lies: computed now
// from the requests (any year from 2008, when the first 条例 took effect, to the running one, drawn as of now).
import type { Scope } from '../auth/scope';
import { shanghaiDayOf } from '../calendar/ymd';
import type { Db } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import { locateRegion } from '../regions/queries';
import type { AnnualReportData } from './annual-report-data';
import { annualRequestTable } from './annual-request-table';
import { listAnnualRequestFacts } from './list-annual-request-facts';

export const FIRST_REPORT_YEAR = 2008;

export type AnnualReportResult = { ok: true; data: AnnualReportData } | Refusal<'invalid' | 'not_found' | 'out_of_scope'>;

export const currentYearOf = (at: Date) => Number(shanghaiDayOf(at).slice(0, 4));

export async function getAnnualReport(db: Db, scope: Scope, input: { regionCode: string; year: number; at: Date }): Promise<AnnualReportResult> {
  const current = currentYearOf(input.at);
  if (!Number.isInteger(input.year) || input.year < FIRST_REPORT_YEAR || input.year > current) {
    return refuse('invalid', `年度应在 ${FIRST_REPORT_YEAR} 至 ${current} 年之间`, { year: `年度应在 ${FIRST_REPORT_YEAR} 至 ${current} 年之间` });
  }
  const place = await locateRegion(db, scope, input.regionCode);
  if (place === 'missing') return refuse('not_found', `区域 ${input.regionCode} 不存在`);
  if (place === 'outside') return refuse('out_of_scope', '该区域不在您的管辖范围内');
  const [region] = await db<{ code: string; name: string; path: string }[]>`
    select code, name, path from regions where code = ${input.regionCode}`;
  const facts = await listAnnualRequestFacts(db, { regionPath: region!.path, year: input.year, at: input.at });
  return {
    ok: true,
    data: {
      region: { code: region!.code, name: region!.name },
      year: input.year,
      generatedAt: input.at.toISOString(),
      isPartialYear: input.year === current,
      requests: annualRequestTable(facts, { year: input.year, asOf: input.at }),
    },
  };
}
