// What one POST /api/v1/items came back with, in the terms of the suite's goals: accepted (201/200), a clear
// 503 (the contract's error body), or one of the answers that must never happen under a fault.

export type AnswerKind =
  | 'accepted'
  /** 503 with `{error: {code, message}}`: the answer the contract promises while a dependency is away. */
  | 'clear_503'
  /** 503 without the error body. */
  | 'unclear_503'
  | 'status_500'
  /** Any other status (a 4xx the payload does not deserve, a 502, …). */
  | 'other_status'
  /** No answer within the client's timeout. */
  | 'hang'
  /** Connection refused or reset on every web process tried. */
  | 'no_connection';

export const ANSWER_KINDS: readonly AnswerKind[] = [
  'accepted',
  'clear_503',
  'unclear_503',
  'status_500',
  'other_status',
  'hang',
  'no_connection',
];

/** The kinds that break a goal: everything but an acceptance and a clear 503. */
export const BAD_ANSWER_KINDS: readonly AnswerKind[] = ['unclear_503', 'status_500', 'other_status', 'hang', 'no_connection'];

export function classifyAnswer(status: number, body: string): AnswerKind {
  if (status === 200 || status === 201) return 'accepted';
  if (status === 500) return 'status_500';
  if (status !== 503) return 'other_status';
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const error = parsed.error;
    return typeof error?.code === 'string' && typeof error.message === 'string' && error.message !== '' ? 'clear_503' : 'unclear_503';
  } catch {
    return 'unclear_503';
  }
}
