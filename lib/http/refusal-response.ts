// The one mapping from a lib action's refusal (lib/refusal.ts) to the contract's status and error body
// (DESIGN §3).
import type { Refusal, RefusalKind } from '../refusal';
import { apiError, type ErrorCode } from './errors';

export const REFUSAL_ANSWERS: Readonly<Record<RefusalKind, { status: number; code: ErrorCode }>> = {
  invalid: { status: 400, code: 'invalid_input' },
  out_of_scope: { status: 403, code: 'forbidden' },
  not_allowed: { status: 403, code: 'forbidden' },
  not_found: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  unknown_reference: { status: 422, code: 'unknown_reference' },
};

export function refusalResponse(refusal: Refusal, headers?: Record<string, string>): Response {
  const { status, code } = REFUSAL_ANSWERS[refusal.refusal];
  return apiError(status, code, refusal.message, refusal.fields, headers);
}
