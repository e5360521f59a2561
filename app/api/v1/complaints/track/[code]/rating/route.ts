// POST /api/v1/complaints/track/:code/rating {phone4, satisfaction, comment?} – the citizen rates the reply
// (好差评); 不满意 / 非常不满意 reopen the complaint (重办)
import { clientAddress } from '../../../../../../../lib/auth/client-address';
import { now } from '../../../../../../../lib/clock';
import { rateAsCitizen } from '../../../../../../../lib/complaints/act-on-complaint';
import { publicRateLimiter } from '../../../../../../../lib/complaints/public-rate-limit';
import { publishComplaintChange } from '../../../../../../../lib/complaints/publish-complaint-change';
import { publicRatingSchema } from '../../../../../../../lib/complaints/schemas';
import { trackComplaint } from '../../../../../../../lib/complaints/track-complaint';
import { normalizeTrackingCode } from '../../../../../../../lib/complaints/tracking-code';
import { sql } from '../../../../../../../lib/db/sql';
import { forbidden } from '../../../../../../../lib/http/errors';
import { readJson } from '../../../../../../../lib/http/read-json';
import { refusalResponse } from '../../../../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../../lib/realtime/shared-emitter';
import { limiterUnavailable, rateLimited, trackNotFound } from '../../../public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/complaints/track/:code/rating failed', async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  try {
    const limit = await publicRateLimiter().consume('track', clientAddress(request.headers));
    if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
  } catch {
    return limiterUnavailable();
  }
  const body = await readJson(request, publicRatingSchema, 8_000);
  if (!body.ok) return body.response;
  const code = normalizeTrackingCode((await context.params).code);
  if (!code || body.data.website) return trackNotFound();
  const result = await rateAsCitizen(sql, code, body.data, now());
  if (!result.ok) return result.refusal === 'not_found' ? trackNotFound() : refusalResponse(result);
  await publishComplaintChange(sql, sharedEmitter(), result.id, result.events, result.changes);
  return Response.json(await trackComplaint(sql, code, body.data.phone4));
});
