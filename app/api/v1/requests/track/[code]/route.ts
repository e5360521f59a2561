// GET /api/v1/requests/track/:code?phone4= – an applicant follows a request (no login, no personal data)
import { sql } from '../../../../../../lib/db/sql';
import { apiError } from '../../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { trackRequest } from '../../../../../../lib/requests/track-request';
import { readTrackingLookup } from '../../../complaints/public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The one 404: an unknown code and a wrong phone4 must be indistinguishable. */
const notFound = () => apiError(404, 'not_found', '未找到该申请，请核对查询码和联系电话后4位');

export const GET = orUnavailable('GET /api/v1/requests/track/:code failed', async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
  const lookup = await readTrackingLookup(request, (await context.params).code, notFound);
  if (lookup instanceof Response) return lookup;
  const tracked = await trackRequest(sql, lookup.code, lookup.phone4);
  return tracked ? Response.json(tracked) : notFound();
});
