// GET /api/v1/scores?period=YYYY-MM&regionId=&subject= – the month's ranked department (or position) scores in scope
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { apiError, badRequestFromZod, forbidden } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { locateRegion } from '../../../../lib/regions/queries';
import { listScores } from '../../../../lib/scoring/store/list-scores';
import { periodOf, periodSchema } from '../../../../lib/scoring/period';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  period: periodSchema.optional(),
  regionId: z.string().regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码').optional(),
  subject: z.enum(['department', 'position'], { error: 'subject 只能是 department 或 position' }).default('department'),
  cursor: cursorSchema(z.string().regex(/^\d+\.\d+$/)),
  limit: limitSchema,
});

export const GET = orUnavailable('GET /api/v1/scores failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readScores');
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { regionId, cursor, limit, subject } = query.data;
  if (regionId) {
    const place = await locateRegion(sql, auth.scope, regionId);
    if (place === 'missing') return apiError(404, 'not_found', `区域 ${regionId} 不存在`);
    if (place === 'outside') return forbidden('该区域不在您的管辖范围内');
  }
  const period = query.data.period ?? periodOf(now());
  const rows = await listScores(sql, auth.scope, { period, subject, regionCode: regionId, after: cursor ? (cursor.split('.').map(Number) as [number, number]) : undefined, limit: limit + 1 });
  const page = toPage(rows, limit, (r) => r.key.join('.'));
  return Response.json({ data: page.data.map((r) => r.row), next: page.next });
});
