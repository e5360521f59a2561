// The answers of the public complaint endpoints (filing, tracking, rating) that are not a lib refusal.
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
