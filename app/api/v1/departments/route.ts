// GET /api/v1/departments?regionId= – departments in the user's scope, optionally of one region
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { sql } from '../../../../lib/db/sql';
import { apiError, badRequestFromZod, forbidden } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { listDepartmentsInScope, locateRegion } from '../../../../lib/regions/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  regionId: z.string().regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码').optional(),
  cursor: cursorSchema(z.number().int().positive()),
  limit: limitSchema,
});

export const GET = orUnavailable('GET /api/v1/departments failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { regionId, cursor, limit } = query.data;
  if (regionId) {
    const place = await locateRegion(sql, auth.scope, regionId);
    if (place === 'missing') return apiError(404, 'not_found', `区域 ${regionId} 不存在`);
    if (place === 'outside') return forbidden('该区域不在您的管辖范围内');
  }
  const rows = await listDepartmentsInScope(sql, auth.scope, { regionCode: regionId, afterId: cursor, limit: limit + 1 });
  return Response.json(toPage(rows, limit, (department) => department.id));
});
