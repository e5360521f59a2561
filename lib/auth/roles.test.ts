import { describe, expect, it } from 'vitest';
import { landingPathFor, ROLE_LABELS, ROLES, roleSchema } from './roles';

describe('roles', () => {
  it('names every role in zh-CN', () => {
    expect(ROLE_LABELS).toEqual({
      admin: '管理员',
      supervisor: '政务公开办',
      leader: '分管领导',
      handler: '投诉处理人员',
      dept: '部门联络员',
    });
  });

  it('accepts only the five roles', () => {
    expect(ROLES.map((role) => roleSchema.parse(role))).toEqual([...ROLES]);
    expect(roleSchema.safeParse('citizen').success).toBe(false);
  });

  it('lands supervisors and admins on the alert wall', () => {
    for (const role of ['supervisor', 'admin'] as const) expect(landingPathFor(role)).toBe('/');
  });

  it('lands department staff on their workspace', () => {
    expect(landingPathFor('dept')).toBe('/workspace');
  });

  it('lands leaders on the league table', () => {
    expect(landingPathFor('leader')).toBe('/scores');
  });

  it('lands handlers on their complaint queue', () => {
    expect(landingPathFor('handler')).toBe('/complaints');
  });
});
