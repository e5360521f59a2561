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

// DESIGN §3 "Pages": supervisors land on the alert wall, leaders on scores, handlers on complaints; department
// staff on their workspace (部门工作台: what they must publish, fix and answer; issue 18).
const DESIGNED_LANDING: Record<Role, string> = {
  admin: '/',
  supervisor: '/',
  leader: '/scores',
  handler: '/complaints',
  dept: '/workspace',
};

export function landingPathFor(role: Role): string {
  return DESIGNED_LANDING[role];
}
