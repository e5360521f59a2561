// GET /api/v1/complaints/track/:code?phone4= – a citizen follows a complaint (no login, no personal data)
import { clientAddress } from '../../../../../../lib/auth/client-address';
import { publicRateLimiter } from '../../../../../../lib/complaints/public-rate-limit';
import { phone4Schema } from '../../../../../../lib/complaints/schemas';
import { trackComplaint } from '../../../../../../lib/complaints/track-complaint';
import { normalizeTrackingCode } from '../../../../../../lib/complaints/tracking-code';
import { sql } from '../../../../../../lib/db/sql';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { limiterUnavailable, rateLimited, trackNotFound } from '../../public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/complaints/track/:code failed', async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
  try {
    const limit = await publicRateLimiter().consume('track', clientAddress(request.headers));
    if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
  } catch {
    return limiterUnavailable();
  }
  // a malformed code or phone4 is answered like a wrong one: nothing to learn from the difference
  const code = normalizeTrackingCode((await context.params).code);
  const phone4 = phone4Schema.safeParse(new URL(request.url).searchParams.get('phone4') ?? undefined);
  if (!code || !phone4.success) return trackNotFound();
  const tracked = await trackComplaint(sql, code, phone4.data);
  return tracked ? Response.json(tracked) : trackNotFound();
});
