// GET /api/v1/reports – monthly reports in scope, newest month first · POST {regionId, period} – build one now
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { badRequestFromZod, forbidden } from '../../../../lib/http/errors';
import { limitSchema, queryObject } from '../../../../lib/http/pagination';
import { readJson } from '../../../../lib/http/read-json';
import { refusalResponse } from '../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { listReports } from '../../../../lib/reports/queries';
import { requestReport } from '../../../../lib/reports/request-report';
import { periodSchema } from '../../../../lib/scoring/period';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const listSchema = z.object({
  cursor: z.coerce.number({ error: 'cursor 无效' }).int().min(0).optional(),
  limit: limitSchema,
});

export const GET = orUnavailable('GET /api/v1/reports failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readReports');
  if (auth instanceof Response) return auth;
  const query = listSchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const offset = query.data.cursor ?? 0;
  const { rows, total } = await listReports(sql, auth.scope, { offset, limit: query.data.limit });
  const next = offset + rows.length < total ? String(offset + rows.length) : null;
  return Response.json({ data: rows, next });
});

const bodySchema = z.object({
  regionId: z.string({ error: '请选择区域' }).regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码'),
  period: periodSchema,
});

export const POST = orUnavailable('POST /api/v1/reports failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'readReports');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, bodySchema);
  if (!body.ok) return body.response;
  const result = await requestReport(sql, auth.scope, { regionCode: body.data.regionId, period: body.data.period, at: now() });
  if (!result.ok) return refusalResponse(result);
  return Response.json({ id: result.id }, { status: 201 });
});
