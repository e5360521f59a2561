// GET /api/v1/alerts/summary – unresolved alerts in the user's scope by level, state, domain and top departments
import { requireApiUser } from '../../../../_server/current-user';
import { getAlertSummary } from '../../../../../lib/alerts/alert-summary';
import { sql } from '../../../../../lib/db/sql';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/alerts/summary failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  return Response.json(await getAlertSummary(sql, auth.scope));
});
