// GET /api/v1/reports/annual/xlsx · /pdf · /html?regionId=&year= – the annual report's request table (年度报告 三), built now
import { z } from 'zod';
import { requireApiUser } from '../../../../../_server/current-user';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, badRequestFromZod } from '../../../../../../lib/http/errors';
import { queryObject } from '../../../../../../lib/http/pagination';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { annualReportTitle } from '../../../../../../lib/reports/annual-report-data';
import { renderAnnualReportHtml } from '../../../../../../lib/reports/annual-report-html';
import { buildAnnualReportXlsx } from '../../../../../../lib/reports/annual-report-xlsx';
import { getAnnualReport } from '../../../../../../lib/reports/get-annual-report';
import { printPdf } from '../../../../../../lib/reports/print-pdf';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

const querySchema = z.object({
  regionId: z.string({ error: '请选择区域' }).regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码'),
  year: z.coerce.number({ error: '请选择年度' }).int('年度必须是整数'),
});

export const GET = orUnavailable('GET /api/v1/reports/annual/:file failed', async (request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> => {
  const auth = await requireApiUser(request, 'readReports');
  if (auth instanceof Response) return auth;
  const { file } = await context.params;
  if (file !== 'xlsx' && file !== 'pdf' && file !== 'html') return apiError(404, 'not_found', '报告不存在');
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const report = await getAnnualReport(sql, auth.scope, { regionCode: query.data.regionId, year: query.data.year, at: now() });
  if (!report.ok) return refusalResponse(report);
  const { data } = report;
  if (file === 'html') return new Response(renderAnnualReportHtml(data), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' } });
  const content = file === 'pdf' ? (await printPdf([renderAnnualReportHtml(data)]))[0]! : await buildAnnualReportXlsx(data);
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': CONTENT_TYPES[file],
      // RFC 6266/5987: the Chinese name for browsers, an ASCII fallback for the rest
      'content-disposition': `attachment; filename="annual-report-${data.region.code}-${data.year}.${file}"; filename*=UTF-8''${encodeURIComponent(`${annualReportTitle(data)}.${file}`)}`,
      'cache-control': 'private, no-store',
    },
  });
});
