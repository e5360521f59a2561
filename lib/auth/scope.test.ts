import { describe, expect, it } from 'vitest';
import { isDepartmentInScope, isRegionInScope, scopeOf, type ScopeSource } from './scope';

const cityUser: ScopeSource = {
  id: 1,
  username: 'sup-320100',
  role: 'supervisor',
  regionCode: '320100',
  regionPath: '320000.320100',
  departmentId: null,
};

describe('scopeOf', () => {
  it('carries the user region path and no department for office roles', () => {
    expect(scopeOf(cityUser)).toEqual({
      userId: 1,
      username: 'sup-320100',
      role: 'supervisor',
      regionCode: '320100',
      regionPath: '320000.320100',
      departmentId: null,
    });
  });

  it('binds department users to their department', () => {
    const scope = scopeOf({ ...cityUser, role: 'dept', regionCode: '320105', regionPath: '320000.320100.320105', departmentId: 7 });
    expect(scope.departmentId).toBe(7);
  });

  it('ignores a department on a non-department user (scope comes from the role)', () => {
    expect(scopeOf({ ...cityUser, departmentId: 7 }).departmentId).toBeNull();
  });

  it('fails closed on a department user without a department or a malformed path', () => {
    expect(() => scopeOf({ ...cityUser, role: 'dept' })).toThrow();
    expect(() => scopeOf({ ...cityUser, regionPath: '320000.%' })).toThrow();
    expect(() => scopeOf({ ...cityUser, regionPath: '320000.320200' })).toThrow();
  });
});

describe('isRegionInScope', () => {
  const scope = scopeOf(cityUser);

  it('includes the region itself and everything below it', () => {
    expect(isRegionInScope(scope, '320000.320100')).toBe(true);
    expect(isRegionInScope(scope, '320000.320100.320105')).toBe(true);
  });

  it('excludes the parent, siblings and look-alike prefixes', () => {
    expect(isRegionInScope(scope, '320000')).toBe(false);
    expect(isRegionInScope(scope, '320000.320200')).toBe(false);
    expect(isRegionInScope(scope, '320000.320200.320211')).toBe(false);
    expect(isRegionInScope(scope, '320000.3201001')).toBe(false);
  });

  it('gives a province user the whole province', () => {
    const province = scopeOf({ ...cityUser, regionCode: '320000', regionPath: '320000' });
    expect(isRegionInScope(province, '320000.320500.320571')).toBe(true);
    expect(isRegionInScope(province, '330000.330100')).toBe(false);
  });
});

describe('isDepartmentInScope', () => {
  it('limits a department user to their own department', () => {
    const scope = scopeOf({ ...cityUser, role: 'dept', regionCode: '320105', regionPath: '320000.320100.320105', departmentId: 7 });
    expect(isDepartmentInScope(scope, { id: 7, regionPath: '320000.320100.320105' })).toBe(true);
    expect(isDepartmentInScope(scope, { id: 8, regionPath: '320000.320100.320105' })).toBe(false);
  });

  it('lets a region user see every department in the subtree', () => {
    const scope = scopeOf(cityUser);
    expect(isDepartmentInScope(scope, { id: 8, regionPath: '320000.320100.320105' })).toBe(true);
    expect(isDepartmentInScope(scope, { id: 9, regionPath: '320000.320200.320211' })).toBe(false);
  });
});
