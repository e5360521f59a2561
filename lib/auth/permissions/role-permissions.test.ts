// Every role against every role-restricted action of DESIGN §3 (the contract's "who" column) and the
// management pages of DESIGN §1: the expected answers are written out here, not derived from the module.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles';
import { can, isDepartmentRole, PERMISSION_NAMES, rolesThatCan, type Permission } from './role-permissions';

const A = 'admin';
const S = 'supervisor';
const L = 'leader';
const H = 'handler';
const D = 'dept';

// [what the contract or a page says, the permission that decides it, the roles allowed]
const TABLE: [string, Permission, Role[]][] = [
  ['POST /api/v1/items (signed in); /workspace pages', 'publishItems', [D]],
  ['POST /api/v1/alerts/:id/ack · /resolve · /assign, POST /alerts/bulk; the wall’s buttons', 'actOnAlerts', [S, A]],
  ['POST /api/v1/complaints by a handler (any channel)', 'registerComplaints', [H]],
  ['GET /api/v1/complaints · /complaints/:id; /complaints pages', 'readComplaints', [H, S, A, D]],
  ['POST /api/v1/complaints/:id/actions', 'actOnComplaints', [H, D, S, A]],
  ['催办 by the disclosure office (its only complaint action)', 'chaseComplaints', [S, A]],
  ['GET /api/v1/complaints/:id/targets (派单)', 'dispatchComplaints', [H]],
  ['complainant name and phone in full', 'seeComplainantData', [H]],
  ['GET /api/v1/requests · /requests/:id; /requests pages', 'readRequests', [S, A, D]],
  ['POST /api/v1/requests/:id/actions', 'actOnRequests', [S, A, D]],
  ['POST /api/v1/requests by staff (letter, in person)', 'registerRequests', [S, A, D]],
  ['applicant name, ID number, phone and address (requests in scope)', 'seeApplicantData', [S, A, D]],
  ['POST /api/v1/disputes; the 申诉 buttons of the workspace and /workspace/deductions', 'fileDisputes', [D]],
  ['POST /api/v1/disputes/:id/decision; /disputes page', 'decideDisputes', [S, A]],
  ['GET /api/v1/disputes', 'readDisputes', [D, S, A]],
  ['GET /api/v1/scores; /scores pages; GET /score-weights', 'readScores', [L, S, A]],
  ['PUT /api/v1/score-weights, POST /scores/what-if; /scores/weights page', 'editScoreWeights', [A]],
  ['GET/POST /api/v1/reports, report files; /reports pages', 'readReports', [L, S, A]],
  ['PUT /api/v1/calendar/:year; the calendar page’s loader and banner', 'loadCalendar', [A]],
  ['GET /api/v1/rules · POST /rules · PATCH /rules/:id; /rules page', 'manageRules', [S, A]],
  ['catalog management (entries, versions, retire, approval, import/export); /catalog/new, edit, import', 'manageCatalog', [S, A]],
  ['GET /api/v1/audit; /admin/audit page', 'readAudit', [A]],
  ['/api/v1/admin/users, /admin/api-keys; /admin pages', 'administer', [A]],
];

describe('role permissions', () => {
  it.each(TABLE)('%s: %s', (_what, permission, allowed) => {
    for (const role of ROLES) expect({ role, allowed: can({ role }, permission) }).toEqual({ role, allowed: allowed.includes(role) });
    expect([...rolesThatCan(permission)].sort()).toEqual([...allowed].sort());
  });

  it('the table covers every permission', () => {
    expect(new Set(TABLE.map(([, permission]) => permission))).toEqual(new Set(PERMISSION_NAMES));
  });

  it('binds department staff, and only them, to a department', () => {
    expect(ROLES.filter(isDepartmentRole)).toEqual([D]);
  });
});
