// GET /api/v1/regions – the regions in the signed-in user's scope
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { sql } from '../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { listRegionsInScope } from '../../../../lib/regions/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ cursor: cursorSchema(z.string().regex(/^\d{6}$/)), limit: limitSchema });

export const GET = orUnavailable('GET /api/v1/regions failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const rows = await listRegionsInScope(sql, auth.scope, { afterCode: query.data.cursor, limit: query.data.limit + 1 });
  return Response.json(toPage(rows, query.data.limit, (region) => region.code));
});
