// Who acts on a request and who sees its applicant: every role × in or out of scope. The page's buttons
// (requestActionsFor) are exactly what the API's decision (mayActOnRequest, then the state machine) accepts.
import { describe, expect, it } from 'vitest';
import { allowedActions, NO_FACTS } from '../../requests/state-machine';
import { ROLES } from '../roles';
import { canSeeApplicantData, mayActOnRequest, requestActionsFor } from './request-access';

describe('request access', () => {
  it('lets the disclosure office and the agency act on requests in scope, and nobody on others', () => {
    const actors = ROLES.filter((role) => mayActOnRequest({ role }, { inScope: true }).ok);
    expect(actors).toEqual(['admin', 'supervisor', 'dept']);
    for (const role of ROLES) expect(mayActOnRequest({ role }, { inScope: false })).toEqual({ ok: false, reason: 'outside' });
    expect(mayActOnRequest({ role: 'handler' }, { inScope: true })).toEqual({ ok: false, reason: 'role' });
  });

  it('offers the state machine’s actions to those who may act, and none to others', () => {
    expect(requestActionsFor({ role: 'dept' }, { inScope: true, state: 'received', facts: NO_FACTS })).toEqual(allowedActions('received'));
    expect(requestActionsFor({ role: 'leader' }, { inScope: true, state: 'received', facts: NO_FACTS })).toEqual([]);
    expect(requestActionsFor({ role: 'supervisor' }, { inScope: false, state: 'received', facts: NO_FACTS })).toEqual([]);
  });

  it('shows the applicant only to those who handle requests', () => {
    expect(ROLES.filter((role) => canSeeApplicantData({ role }))).toEqual(['admin', 'supervisor', 'dept']);
  });
});
