// The complaint matrix: every role × every state × dispatched or not × in or out of scope × own department
// or another. The page's buttons (complaintActionsFor) must be exactly the actions the API's decision
// (complaintActorFor, then the state machine's transition) accepts.
import { describe, expect, it } from 'vitest';
import { STATES } from '../../complaints/complaint';
import { ACTIONS, transition, type Actor } from '../../complaints/state-machine';
import { ROLES, type Role } from '../roles';
import { canSeePersonalData, complaintActionsFor, complaintActorFor } from './complaint-access';

const OWN_DEPARTMENT = 7;
const OTHER_DEPARTMENT = 8;

const scopeOf = (role: Role) => ({ role, departmentId: role === 'dept' ? OWN_DEPARTMENT : null });

// the expected actor, written out: handlers act on what is in scope; department staff on what was dispatched
// to their own department; the disclosure office (supervisors, the admin) chases what is in scope; leaders
// only read
function expectedActor(role: Role, c: { inScope: boolean; assigned: boolean; ownDepartment: boolean }): Actor | null {
  if (!c.inScope) return null;
  if (role === 'handler') return 'handler';
  if (role === 'supervisor' || role === 'admin') return 'supervisor';
  if (role === 'dept') return c.assigned && c.ownDepartment ? 'department' : null;
  return null;
}

const cases = ROLES.flatMap((role) =>
  STATES.flatMap((state) =>
    [true, false].flatMap((inScope) =>
      [true, false].flatMap((assigned) =>
        [true, false].flatMap((ownDepartment) =>
          [false, true].map((hasStandingViolation) => ({ role, state, inScope, assigned, ownDepartment, hasStandingViolation })),
        ),
      ),
    ),
  ),
);

describe('complaintActorFor and complaintActionsFor', () => {
  it.each(cases)('$role, $state, in scope $inScope, dispatched $assigned, own department $ownDepartment, 属实 $hasStandingViolation', (c) => {
    const complaint = {
      state: c.state,
      inScope: c.inScope,
      departmentId: c.ownDepartment ? OWN_DEPARTMENT : OTHER_DEPARTMENT,
      assignedAt: c.assigned ? new Date('2026-11-02T09:00:00+08:00') : null,
      hasStandingViolation: c.hasStandingViolation,
    };
    const decision = complaintActorFor(scopeOf(c.role), complaint);
    const actor = expectedActor(c.role, c);
    expect(decision.ok ? decision.actor : null).toBe(actor);
    const accepted =
      actor === null ? [] : ACTIONS.filter((action) => transition(c.state, action, actor, 'satisfied', c.hasStandingViolation).ok);
    expect(complaintActionsFor(scopeOf(c.role), complaint)).toEqual(accepted);
  });

  it('refuses out of scope first, then read-only roles', () => {
    const unassigned = { inScope: true, departmentId: OWN_DEPARTMENT, assignedAt: null };
    expect(complaintActorFor(scopeOf('dept'), unassigned)).toEqual({ ok: false, reason: 'outside' });
    expect(complaintActorFor(scopeOf('supervisor'), { ...unassigned, inScope: false })).toEqual({ ok: false, reason: 'outside' });
    expect(complaintActorFor(scopeOf('leader'), unassigned)).toEqual({ ok: false, reason: 'role' });
  });

  it('lets the disclosure office chase (催办) what a department holds, and nothing else', () => {
    const held = { inScope: true, departmentId: OWN_DEPARTMENT, assignedAt: new Date('2026-11-02T09:00:00+08:00') };
    for (const role of ['supervisor', 'admin'] as const) {
      expect(complaintActionsFor(scopeOf(role), { ...held, state: 'in_progress' })).toEqual(['remind']);
      expect(complaintActionsFor(scopeOf(role), { ...held, state: 'replied' })).toEqual([]);
    }
  });

  it('shows personal data to handlers only', () => {
    expect(ROLES.filter((role) => canSeePersonalData({ role }))).toEqual(['handler']);
  });
});
