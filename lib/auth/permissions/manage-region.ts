// Who may change what is configured per region: catalog entries and rules (DESIGN §1: a supervisor manages
// their region's catalog and rules, the admin province-wide). One decision for both, so the catalog, the
// rules API and the rules page cannot drift apart again.
import { isRegionInScope, type Scope } from '../scope';
import { can } from './role-permissions';

/**
 * The region half of every "may manage" decision: the region with this path lies in the user's subtree;
 * null means no region, i.e. everywhere, which only the admin covers. Admins, like supervisors, are bound
 * to their own subtree: 403 for out of scope (DESIGN §3) holds for every role.
 */
function managesRegion(scope: Pick<Scope, 'role' | 'regionPath'>, regionPath: string | null): boolean {
  if (regionPath === null) return scope.role === 'admin';
  return isRegionInScope(scope, regionPath);
}

/** A rule scoped to the region with this path (null: a rule for everywhere). */
export function canManageRule(scope: Pick<Scope, 'role' | 'regionPath'>, ruleRegionPath: string | null): boolean {
  return can(scope, 'manageRules') && managesRegion(scope, ruleRegionPath);
}

/** A catalog entry of the region with this path. */
export function canManageCatalog(scope: Pick<Scope, 'role' | 'regionPath'>, entryRegionPath: string): boolean {
  return can(scope, 'manageCatalog') && managesRegion(scope, entryRegionPath);
}

/**
 * 不予公开 changes are approved by a city office or above (a supervisor of a city or the province, or the
 * admin), for entries in their subtree; `ownRegionLevel` is the level of the approver's own region.
 */
export function canApproveWithheld(
  scope: Pick<Scope, 'role' | 'regionPath'>,
  ownRegionLevel: string | null | undefined,
  entryRegionPath: string,
): boolean {
  const isCityOffice = scope.role === 'admin' || ownRegionLevel === 'city' || ownRegionLevel === 'province';
  return isCityOffice && canManageCatalog(scope, entryRegionPath);
}
