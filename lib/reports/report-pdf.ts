// A report's PDF for download: the one printed when it was built, or — for reports built in bulk without one
// (migration 0051) — printed now from its stored figures and kept, so the next download does not wait.
import type { Db } from '../db/sql';
import { printPdf } from './print-pdf';
import type { ReportData } from './report-data';
import { renderReportHtml } from './report-html';

export async function reportPdf(db: Db, report: { id: number; file: Buffer | null; data: ReportData }): Promise<Buffer> {
  if (report.file) return report.file;
  const [pdf] = await printPdf([renderReportHtml(report.data)]);
  // a rebuild in the meantime stored newer figures (and cleared the PDF): keep this one only if none was kept
  await db`update reports set pdf = ${pdf!} where id = ${report.id} and pdf is null and data = ${db.json(report.data as never)}`;
  return pdf!;
}
