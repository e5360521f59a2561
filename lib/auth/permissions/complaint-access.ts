// Who may act on a complaint, as what, and who sees its personal data (DESIGN §1 Complaints). The complaint
// page's buttons and POST /complaints/:id/actions both ask complaintActorFor, and the actions come from the
// same state machine, so the page offers exactly what the API accepts.
import { allowedActions, type Actor, type ComplaintAction } from '../../complaints/state-machine';
import type { ComplaintState } from '../../complaints/complaint';
import type { Scope } from '../scope';
import { can, isDepartmentRole } from './role-permissions';

export interface ComplaintSubject {
  /** The complaint lies in the user's scope (scopeFilter on its region and department). */
  inScope: boolean;
  departmentId: number | null;
  /** Set once the handler dispatched it (派单); a department acts only on what was dispatched to it. */
  assignedAt: Date | string | null;
  /** A 属实 finding stands (not withdrawn): the handler may withdraw it. */
  hasStandingViolation?: boolean;
}

export type ComplaintActorDecision =
  | { ok: true; actor: Actor }
  /** outside: not the user's complaint (or not yet dispatched to their department); role: read-only role. */
  | { ok: false; reason: 'outside' | 'role' };

/**
 * As whom the user acts on this complaint: the handler's desk, the assigned department, the supervising
 * office (催办 only), or not at all.
 */
export function complaintActorFor(scope: Pick<Scope, 'role' | 'departmentId'>, complaint: ComplaintSubject): ComplaintActorDecision {
  const isDepartment = isDepartmentRole(scope.role);
  if (!complaint.inScope || (isDepartment && complaint.assignedAt === null)) return { ok: false, reason: 'outside' };
  if (!can(scope, 'actOnComplaints')) return { ok: false, reason: 'role' };
  if (can(scope, 'chaseComplaints')) return { ok: true, actor: 'supervisor' };
  if (!isDepartment) return { ok: true, actor: 'handler' };
  if (complaint.departmentId !== null && complaint.departmentId === scope.departmentId) return { ok: true, actor: 'department' };
  return { ok: false, reason: 'role' };
}

/** The actions the user may take on this complaint now: the complaint page's buttons. */
export function complaintActionsFor(
  scope: Pick<Scope, 'role' | 'departmentId'>,
  complaint: ComplaintSubject & { state: ComplaintState },
): ComplaintAction[] {
  const decision = complaintActorFor(scope, complaint);
  return decision.ok ? allowedActions(complaint.state, decision.actor, complaint.hasStandingViolation ?? false) : [];
}

/** Complainants' names and phones are shown in full to complaint handlers only, masked to everyone else. */
export function canSeePersonalData(scope: Pick<Scope, 'role'>): boolean {
  return can(scope, 'seeComplainantData');
}
