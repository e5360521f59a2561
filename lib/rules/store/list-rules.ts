// The rules page and GET /api/v1/rules: every rule that applies in the user's region (those set above it,
// read-only, and those inside it), with names for its scope, and each rule's version history.
import { actorNames } from '../../auth/actor-names';
import { canManageRule } from '../../auth/permissions/manage-region';
import type { Scope } from '../../auth/scope';
import type { Db } from '../../db/sql';
import { ruleFromRow, type RuleRow } from './queries';
import type { Rule } from '../rule';

export interface RuleView {
  id: number;
  kind: Rule['kind'];
  name: string;
  scope: { regionId: string | null; regionName: string | null; domain: string | null; entryId: number | null; entryName: string | null };
  params: Rule['params'];
  level: Rule['level'];
  enabled: boolean;
  version: number;
  updatedAt: string;
  /** The user may change it: an admin any rule, a supervisor those scoped to their region or below. */
  canEdit: boolean;
}

interface Row extends RuleRow {
  updated_at: Date;
  region_name: string | null;
  region_path: string | null;
  entry_name: string | null;
}

function viewOf(row: Row, scope: Scope): RuleView {
  const rule = ruleFromRow(row);
  return {
    id: rule.id,
    kind: rule.kind,
    name: rule.name,
    scope: {
      regionId: rule.scopeRegionCode,
      regionName: row.region_name,
      domain: rule.scopeDomain,
      entryId: rule.scopeEntryId,
      entryName: row.entry_name,
    },
    params: rule.params,
    level: rule.level,
    enabled: rule.enabled,
    version: rule.version,
    updatedAt: row.updated_at.toISOString(),
    canEdit: canManageRule(scope, row.region_path),
  };
}

function selectRules(db: Db) {
  return db`
    select u.id, u.kind, u.name, u.scope_region_code, u.scope_domain, u.scope_entry_id, u.params, u.level, u.enabled,
      u.version, u.updated_at, r.name as region_name, r.path as region_path, c.name as entry_name
    from rules u
    left join regions r on r.code = u.scope_region_code
    left join catalog_entries c on c.id = u.scope_entry_id`;
}

/** Rules that apply somewhere in the scope's region: set on it, above it (read-only) or below it. */
export async function listRulesForScope(db: Db, scope: Scope): Promise<RuleView[]> {
  const rows = await db<Row[]>`
    ${selectRules(db)}
    where r.path is null or r.path = ${scope.regionPath} or r.path like ${`${scope.regionPath}.%`}
      or ${scope.regionPath} like r.path || '.%'
    order by array_position(array['deadline', 'completeness', 'channel', 'complaint_sla', 'complaint_substantiated', 'request_reply', 'request_confirm', 'request_correction'], u.kind), r.path nulls first, u.scope_domain nulls first, u.id`;
  return rows.map((row) => viewOf(row, scope));
}

export async function findRuleView(db: Db, scope: Scope, id: number): Promise<RuleView | null> {
  const [row] = await db<Row[]>`${selectRules(db)} where u.id = ${id}`;
  return row ? viewOf(row, scope) : null;
}

export interface RuleVersionView {
  version: number;
  params: unknown;
  level: string;
  enabled: boolean;
  changedBy: string;
  /** What the page shows for changedBy (lib/auth/actor-names.ts). */
  changedByName: string;
  changedAt: string;
}

export async function listRuleVersions(db: Db, ruleId: number): Promise<RuleVersionView[]> {
  const rows = await db<{ version: number; params: unknown; level: string; enabled: boolean; changed_by: string; changed_at: Date }[]>`
    select version, params, level, enabled, changed_by, changed_at from rule_versions
    where rule_id = ${ruleId} order by version desc`;
  const names = await actorNames(db, rows.map((row) => row.changed_by));
  return rows.map((row) => ({
    version: row.version,
    params: row.params,
    level: row.level,
    enabled: row.enabled,
    changedBy: row.changed_by,
    changedByName: names.get(row.changed_by) ?? row.changed_by,
    changedAt: row.changed_at.toISOString(),
  }));
}
