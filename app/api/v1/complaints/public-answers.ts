// The answers of the public complaint and request endpoints (filing, tracking, rating) that are not a lib refusal.
import { clientAddress } from '../../../../lib/auth/client-address';
import { publicRateLimiter } from '../../../../lib/complaints/public-rate-limit';
import { phone4Schema } from '../../../../lib/complaints/schemas';
import { normalizeTrackingCode } from '../../../../lib/complaints/tracking-code';
import { apiError } from '../../../../lib/http/errors';
import { unavailable } from '../../../../lib/http/unavailable';

export const NOT_FOUND_MESSAGE = '未找到该投诉件，请核对查询码和手机号后4位';

/** The one 404 of the public endpoints: an unknown code and a wrong phone4 must be indistinguishable. */
export const trackNotFound = () => apiError(404, 'not_found', NOT_FOUND_MESSAGE);

export function rateLimited(retryAfterSeconds: number): Response {
  return apiError(429, 'rate_limited', `操作过于频繁，请 ${retryAfterSeconds} 秒后再试`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/** Redis, which keeps the public limits, could not be asked: the public endpoints fail closed. */
export const limiterUnavailable = () => unavailable();

/**
 * The prelude of a public lookup by tracking code (complaints and requests): the address's tracking budget is spent
 * first, then a malformed code or phone4 is answered like a wrong one (`notFound`), so nothing is learnt from the
 * difference.
 */
export async function readTrackingLookup(
  request: Request,
  rawCode: string,
  notFound: () => Response,
): Promise<{ code: string; phone4: string } | Response> {
  try {
    const limit = await publicRateLimiter().consume('track', clientAddress(request.headers));
    if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
  } catch {
    return limiterUnavailable();
  }
  const code = normalizeTrackingCode(rawCode);
  const phone4 = phone4Schema.safeParse(new URL(request.url).searchParams.get('phone4') ?? undefined);
  if (!code || !phone4.success) return notFound();
  return { code, phone4: phone4.data };
}
