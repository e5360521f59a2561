// GET /api/v1/requests/track/:code?phone4= – an applicant follows a request (no login, no personal data)
import { clientAddress } from '../../../../../../lib/auth/client-address';
import { publicRateLimiter } from '../../../../../../lib/complaints/public-rate-limit';
import { normalizeTrackingCode } from '../../../../../../lib/complaints/tracking-code';
import { sql } from '../../../../../../lib/db/sql';
import { apiError } from '../../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { phone4Schema } from '../../../../../../lib/requests/schemas';
import { trackRequest } from '../../../../../../lib/requests/track-request';
import { limiterUnavailable, rateLimited } from '../../../complaints/public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The one 404: an unknown code and a wrong phone4 must be indistinguishable. */
const notFound = () => apiError(404, 'not_found', '未找到该申请，请核对查询码和联系电话后4位');

export const GET = orUnavailable('GET /api/v1/requests/track/:code failed', async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
  try {
    const limit = await publicRateLimiter().consume('track', clientAddress(request.headers));
    if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
  } catch {
    return limiterUnavailable();
  }
  // a malformed code or phone4 is answered like a wrong one: nothing to learn from the difference
  const code = normalizeTrackingCode((await context.params).code);
  const phone4 = phone4Schema.safeParse(new URL(request.url).searchParams.get('phone4') ?? undefined);
  if (!code || !phone4.success) return notFound();
  const tracked = await trackRequest(sql, code, phone4.data);
  return tracked ? Response.json(tracked) : notFound();
});
