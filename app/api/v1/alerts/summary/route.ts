// GET /api/v1/alerts/summary?state=&level=&domain=&departmentId=&from=&to=&q=&asOf= – unresolved alerts in the
// user's scope by level, state, domain and top departments, among those the list's filter (the same parameters)
// matches; with asOf, those unresolved at that moment, by their level and state then (回看)
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { alertFilterShape, checkOpenedRange, toAlertListFilter } from '../../../../../lib/alerts/alert-filter';
import { asOfSchema } from '../../../../../lib/alerts/as-of-param';
import { getAlertSummaryAsOf } from '../../../../../lib/alerts/as-of';
import { getAlertSummary } from '../../../../../lib/alerts/alert-summary';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../../lib/http/errors';
import { queryObject } from '../../../../../lib/http/pagination';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ ...alertFilterShape, asOf: asOfSchema(now) }).superRefine(checkOpenedRange);

export const GET = orUnavailable('GET /api/v1/alerts/summary failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { asOf, ...fields } = query.data;
  const filter = toAlertListFilter(fields);
  return Response.json(asOf ? await getAlertSummaryAsOf(sql, auth.scope, asOf, { filter }) : await getAlertSummary(sql, auth.scope, { filter }));
});
