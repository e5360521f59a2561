// GET /api/v1/alerts/summary?state=&level=&domain=&departmentId=&from=&to=&q= – unresolved alerts in the user's
// scope by level, state, domain and top departments, among those the list's filter (the same parameters) matches
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { alertFilterShape, checkOpenedRange, toAlertListFilter } from '../../../../../lib/alerts/alert-filter';
import { getAlertSummary } from '../../../../../lib/alerts/alert-summary';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../../lib/http/errors';
import { queryObject } from '../../../../../lib/http/pagination';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object(alertFilterShape).superRefine(checkOpenedRange);

export const GET = orUnavailable('GET /api/v1/alerts/summary failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  return Response.json(await getAlertSummary(sql, auth.scope, { filter: toAlertListFilter(query.data) }));
});
