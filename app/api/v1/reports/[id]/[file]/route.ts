// GET /api/v1/reports/:id/xlsx · /pdf · /html – a monthly report's workbook, its printed PDF, or its page
import { requireApiUser } from '../../../../../_server/current-user';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { findReport, findReportFile } from '../../../../../../lib/reports/queries';
import { renderReportHtml, reportTitle } from '../../../../../../lib/reports/report-html';
import { reportPdf } from '../../../../../../lib/reports/report-pdf';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export const GET = orUnavailable('GET /api/v1/reports/:id/:file failed', async (request: Request, context: { params: Promise<{ id: string; file: string }> }): Promise<Response> => {
  const auth = await requireApiUser(request, 'readReports');
  if (auth instanceof Response) return auth;
  const { id: rawId, file } = await context.params;
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  if (id === null || !['xlsx', 'pdf', 'html'].includes(file)) return apiError(404, 'not_found', '报告不存在');
  if (file === 'html') {
    const report = await findReport(sql, auth.scope, id);
    if (report === 'missing') return apiError(404, 'not_found', '报告不存在');
    if (report === 'outside') return forbidden('该报告不在您的管辖范围内');
    return new Response(renderReportHtml(report.data), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const kind = file as 'xlsx' | 'pdf';
  const found = await findReportFile(sql, auth.scope, id, kind);
  if (found === 'missing') return apiError(404, 'not_found', '报告不存在');
  if (found === 'outside') return forbidden('该报告不在您的管辖范围内');
  const name = `${reportTitle(found.data)}.${kind}`;
  const content = kind === 'pdf' ? await reportPdf(sql, { id, file: found.file, data: found.data }) : found.file!;
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': CONTENT_TYPES[kind],
      // RFC 6266/5987: the Chinese name for browsers, an ASCII fallback for the rest
      'content-disposition': `attachment; filename="report-${found.data.region.code}-${found.data.period}.${kind}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    },
  });
});
