// GET /api/v1/alerts/summary?asOf= – unresolved alerts in the user's scope by level, state, domain and top
// departments; with asOf, those unresolved at that moment, by their level and state then (回看)
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
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

const querySchema = z.object({ asOf: asOfSchema(now) });

export const GET = orUnavailable('GET /api/v1/alerts/summary failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { asOf } = query.data;
  return Response.json(asOf ? await getAlertSummaryAsOf(sql, auth.scope, asOf) : await getAlertSummary(sql, auth.scope));
});
