// The five roles of DESIGN (who uses it), their zh-CN names, and where each lands after sign-in.
import { z } from 'zod';

export const ROLES = ['admin', 'supervisor', 'leader', 'handler', 'dept'] as const;

export const roleSchema = z.enum(ROLES, { error: '角色无效' });
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  supervisor: '政务公开办',
  leader: '分管领导',
  handler: '投诉处理人员',
  dept: '部门联络员',
};

// DESIGN §3 "Pages": supervisors land on the alert wall, leaders on scores, handlers on complaints.
const DESIGNED_LANDING: Record<Role, string> = {
  admin: '/',
  supervisor: '/',
  leader: '/scores',
  handler: '/complaints',
  dept: '/',
};

// Pages that do not exist yet: their users land on the region overview. When a page ships, delete its
// path here (one line) and its users land on it.
const PAGES_NOT_YET_BUILT = new Set(['/scores']);

const FALLBACK_LANDING = '/regions';

export function landingPathFor(role: Role): string {
  const designed = DESIGNED_LANDING[role];
  return PAGES_NOT_YET_BUILT.has(designed) ? FALLBACK_LANDING : designed;
}

export function hasRole(user: { role: Role }, ...roles: Role[]): boolean {
  return roles.includes(user.role);
}
