// The admin routes' answer for a refused change: the contract's error body with the status lib/ chose.
import { apiError } from '../../../../lib/http/errors';

const CODES = { 400: 'invalid_input', 404: 'not_found', 409: 'conflict', 422: 'unknown_reference' } as const;

export function refusal(result: { status: keyof typeof CODES; message: string; fields?: Record<string, string> }): Response {
  return apiError(result.status, CODES[result.status], result.message, result.fields);
}
