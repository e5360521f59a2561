// Builds (or rebuilds) the monthly reports of the given regions: scores of the month recomputed first, then
// per region the figures, the XLSX and the PDF printed from the report page (or, with `pdf: 'on_download'`,
// printed on its first download: report-pdf.ts), upserted by (region, month), or with `keepExisting`
// inserted only where (region, month) has no report yet.
import type { Db, Sql } from '../db/sql';
import type { Period } from '../scoring/period';
import { recomputeMonth } from '../scoring/store/locked-recompute';
import { gatherReportData } from './gather-report-data';
import { printPdf } from './print-pdf';
import { renderReportHtml } from './report-html';
import { buildReportXlsx } from './report-xlsx';

export async function buildReports(
  sql: Sql,
  input: {
    regionCodes: readonly string[];
    period: Period;
    at: Date;
    actor: string;
    keepExisting?: boolean;
    pdf?: 'now' | 'on_download';
  },
): Promise<{ id: number; regionCode: string }[]> {
  if (input.regionCodes.length === 0) return [];
  await recomputeMonth(sql, { period: input.period, at: input.at });
  const built = [];
  for (const regionCode of input.regionCodes) {
    const data = await gatherReportData(sql, { regionCode, period: input.period, at: input.at });
    built.push({ regionCode, data, xlsx: await buildReportXlsx(data) });
  }
  const pdfs = input.pdf === 'on_download' ? built.map(() => null) : await printPdf(built.map((b) => renderReportHtml(b.data)));
  const out = [];
  for (const [i, b] of built.entries()) {
    const [row] = await sql<{ id: number }[]>`
      insert into reports (region_code, period, data, xlsx, pdf, built_at, built_by)
      values (${b.regionCode}, ${input.period}, ${sql.json(b.data as never)}, ${b.xlsx}, ${pdfs[i] ?? null}, ${input.at}, ${input.actor})
      ${
        input.keepExisting
          ? sql`on conflict (region_code, period) do nothing`
          : sql`on conflict (region_code, period) do update
        set data = excluded.data, xlsx = excluded.xlsx, pdf = excluded.pdf, built_at = excluded.built_at, built_by = excluded.built_by`
      }
      returning id`;
    if (row) out.push({ id: row.id, regionCode: b.regionCode });
  }
  return out;
}

/** Regions the monthly job reports on: every region with a department in its subtree, province first. */
export async function listReportRegions(db: Db): Promise<string[]> {
  const rows = await db<{ code: string }[]>`
    select r.code from regions r
    where exists (select 1 from departments d join regions dr on dr.code = d.region_code
                  where dr.path = r.path or dr.path like r.path || '.%')
    order by length(r.path), r.code`;
  return rows.map((r) => r.code);
}
