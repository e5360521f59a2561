// Maps the refusals of complaint actions to the contract's error body (DESIGN §3).
import { apiError } from '../http/errors';

const ERROR_CODES = {
  400: 'invalid_input',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'unknown_reference',
} as const;

export function complaintErrorResponse(result: { status: keyof typeof ERROR_CODES; message: string; fields?: Record<string, string> }): Response {
  return apiError(result.status, ERROR_CODES[result.status], result.message, result.fields);
}

export const NOT_FOUND_MESSAGE = '未找到该投诉件，请核对查询码和手机号后4位';

/** The one 404 of the public endpoints: an unknown code and a wrong phone4 must be indistinguishable. */
export const trackNotFound = () => apiError(404, 'not_found', NOT_FOUND_MESSAGE);

export function rateLimited(retryAfterSeconds: number): Response {
  return apiError(429, 'rate_limited', `操作过于频繁，请 ${retryAfterSeconds} 秒后再试`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

export const limiterUnavailable = () => apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
