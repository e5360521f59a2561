// Why a lib action did not do what it was asked, in the domain's words (STYLE rule 15): actions answer
// `{ ok: true, … }` or one of these, and only the edge (lib/http/refusal-response.ts) turns a refusal into a
// status and the contract's error body, so lib/ could serve another transport unchanged.
export type RefusalKind =
  /** the input is malformed or breaks a rule of its own (fields name the culprits) */
  | 'invalid'
  /** the record exists but lies beyond the caller's region or department */
  | 'out_of_scope'
  /** the caller may not do this whatever the record's place: wrong role, channel, or their own change */
  | 'not_allowed'
  | 'not_found'
  /** the record's state forbids the action now (already resolved, a pending change, a taken name) */
  | 'conflict'
  /** well-formed input naming something that does not exist (a catalog code, a region, a department) */
  | 'unknown_reference';

export interface Refusal<K extends RefusalKind = RefusalKind> {
  ok: false;
  refusal: K;
  /** zh-CN, shown to the user as is */
  message: string;
  fields?: Record<string, string>;
}

export function refuse<K extends RefusalKind>(refusal: K, message: string, fields?: Record<string, string>): Refusal<K> {
  return { ok: false, refusal, message, ...(fields ? { fields } : {}) };
}
