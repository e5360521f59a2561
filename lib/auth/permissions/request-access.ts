// Who may act on a request for information and who sees its applicant (issue 13; DESIGN §3 "staff in scope").
// The request page's buttons and POST /requests/:id/actions both ask requestActionsFor / mayActOnRequest, and
// the actions come from the one state machine, so the page offers exactly what the API accepts.
import { allowedActions, type RequestFacts } from '../../requests/state-machine';
import type { RequestState } from '../../requests/request';
import type { RequestActionName } from '../../requests/schemas';
import type { Scope } from '../scope';
import { can } from './role-permissions';

export interface RequestSubject {
  /** The request lies in the user's scope (scopeFilter on its region and department). */
  inScope: boolean;
}

export type RequestActDecision = { ok: true } | { ok: false; reason: 'outside' | 'role' };

export function mayActOnRequest(scope: Pick<Scope, 'role'>, request: RequestSubject): RequestActDecision {
  if (!request.inScope) return { ok: false, reason: 'outside' };
  if (!can(scope, 'actOnRequests')) return { ok: false, reason: 'role' };
  return { ok: true };
}

/** The actions the user may take on this request now: the request page's buttons. */
export function requestActionsFor(
  scope: Pick<Scope, 'role'>,
  request: RequestSubject & { state: RequestState; facts: RequestFacts },
): RequestActionName[] {
  return mayActOnRequest(scope, request).ok ? allowedActions(request.state, request.facts) : [];
}

/**
 * The applicant's name, ID number, phone and address go to those who handle requests, for requests in their
 * scope only (the query's scope filter decides that); the ID number is masked everywhere but the request itself.
 */
export function canSeeApplicantData(scope: Pick<Scope, 'role'>): boolean {
  return can(scope, 'seeApplicantData');
}
