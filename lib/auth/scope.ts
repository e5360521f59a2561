// What a signed-in user may see (DESIGN §1 区域: data access is scoped to a region subtree). This file is
// the one place that turns a user into a scope, and scopeFilter is the one way a query applies it.
//
//   const rows = await db`
//     select d.id, d.name
//     from departments d join regions r on r.code = d.region_code
//     where ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'd.id' })}`;
//
// Join the subject's region to read its path; name the column holding the department the row belongs
// to, or pass `departmentId: null` for rows no department owns (regions, the calendar). A department
// user (role 'dept') then sees only their own department's rows.
import type postgres from 'postgres';
import type { Db } from '../db/sql';
import { isDepartmentRole } from './permissions/role-permissions';
import type { Role } from './roles';

export interface Scope {
  userId: number;
  username: string;
  role: Role;
  regionCode: string;
  /** Dotted path of the user's region, e.g. '320000.320100.320105'; its subtree is the scope. */
  regionPath: string;
  /** Set for department users only: they are limited to this department inside their region. */
  departmentId: number | null;
}

export interface ScopeSource {
  id: number;
  username: string;
  role: Role;
  regionCode: string;
  regionPath: string;
  departmentId: number | null;
}

// Region codes are 6 digits (a check constraint on regions.code); a path chains them with dots.
const REGION_PATH_PATTERN = /^[0-9]{6}(\.[0-9]{6})*$/;

export function scopeOf(user: ScopeSource): Scope {
  if (!REGION_PATH_PATTERN.test(user.regionPath) || !user.regionPath.endsWith(user.regionCode)) {
    throw new Error(`user ${user.username} has an invalid region path ${user.regionPath}`);
  }
  // fail closed: a department user without a department must not widen to the whole region
  if (isDepartmentRole(user.role) && user.departmentId === null) {
    throw new Error(`department user ${user.username} has no department`);
  }
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    regionCode: user.regionCode,
    regionPath: user.regionPath,
    // only department users are bound to a department, whatever else a row may say
    departmentId: isDepartmentRole(user.role) ? user.departmentId : null,
  };
}

/** True when the region with this path is the scope's region or lies below it. */
export function isRegionInScope(scope: Pick<Scope, 'regionPath'>, regionPath: string): boolean {
  return regionPath === scope.regionPath || regionPath.startsWith(`${scope.regionPath}.`);
}

/** True when a row of this department (in the region with this path) is visible to the scope. */
export function isDepartmentInScope(
  scope: Pick<Scope, 'regionPath' | 'departmentId'>,
  department: { id: number; regionPath: string },
): boolean {
  if (scope.departmentId !== null && department.id !== scope.departmentId) return false;
  return isRegionInScope(scope, department.regionPath);
}

export interface ScopeColumns {
  /** The column holding the row's region path, e.g. 'r.path' from `join regions r`. */
  regionPath: string;
  /** The column holding the row's department id, or null for rows no department owns. */
  departmentId: string | null;
}

// Column names are written by developers, never taken from input; refuse anything but `[alias.]column`.
const COLUMN_PATTERN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * A boolean SQL fragment, true for the rows the scope may see; use it after `where` or `and`. Mirrors
 * isRegionInScope / isDepartmentInScope. `path = p or path like 'p.%'` (not a bare `like 'p%'`) keeps
 * the match on whole codes.
 */
export function scopeFilter(db: Db, scope: Scope, columns: ScopeColumns): postgres.Fragment {
  for (const column of [columns.regionPath, columns.departmentId]) {
    if (column !== null && !COLUMN_PATTERN.test(column)) throw new Error(`scopeFilter: bad column name ${column}`);
  }
  const path = db(columns.regionPath);
  const region = db`(${path} = ${scope.regionPath} or ${path} like ${`${scope.regionPath}.%`})`;
  if (scope.departmentId === null) return region;
  if (columns.departmentId === null) return region;
  return db`(${region} and ${db(columns.departmentId)} = ${scope.departmentId})`;
}
