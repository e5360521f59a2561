// Reads of the rules table. Rules change a few times a month while every check needs them, so each
// process keeps them and re-reads them only when the table's stamp changes (getRules).
import type { Db } from '../../db/sql';
import { createStampedCache } from '../../db/stamped-cache';
import { parseRuleParams, ruleKindSchema, ruleSchema, type Rule } from '../rule';

export interface RuleRow {
  id: number;
  kind: string;
  name: string;
  scope_region_code: string | null;
  scope_domain: string | null;
  scope_entry_id: number | null;
  params: unknown;
  level: string;
  enabled: boolean;
  version: number;
}

export function ruleFromRow(row: RuleRow): Rule {
  return ruleSchema.parse({
    id: row.id,
    kind: row.kind,
    name: row.name,
    scopeRegionCode: row.scope_region_code,
    scopeDomain: row.scope_domain,
    scopeEntryId: row.scope_entry_id,
    params: parseRuleParams(ruleKindSchema.parse(row.kind), row.params),
    level: row.level,
    enabled: row.enabled,
    version: row.version,
  });
}

/** Every rule, enabled or not (selectRule needs the disabled ones: a disabled match switches a check off). */
export async function loadRules(db: Db): Promise<Rule[]> {
  const rows = await db<RuleRow[]>`
    select id, kind, name, scope_region_code, scope_domain, scope_entry_id, params, level, enabled, version
    from rules
    order by id`;
  return rows.map(ruleFromRow);
}

// Checked against a stamp of the table (count, sum of versions, max id: every save bumps a version) at most
// every RULES_STAMP_CHECK_MS (lib/db/stamped-cache.ts), so each check job does not read every rule.
export const RULES_STAMP_CHECK_MS = 500;

async function rulesStamp(db: Db): Promise<string> {
  const [row] = await db<{ stamp: string }[]>`
    select count(*)::text || ':' || coalesce(sum(version), 0)::text || ':' || coalesce(max(id), 0)::text as stamp
    from rules`;
  return row?.stamp ?? '';
}

const rulesCache = createStampedCache({ stamp: rulesStamp, load: loadRules, checkEveryMs: RULES_STAMP_CHECK_MS });

/** loadRules through the per-process cache. */
export function getRules(db: Db, nowMs?: number): Promise<Rule[]> {
  return rulesCache.get(db, nowMs);
}

/** Call after changing a rule so this process sees the change at once. */
export function invalidateRules(): void {
  rulesCache.invalidate();
}
