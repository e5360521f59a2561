// Reads of the rules table. Rules change a few times a month while every check needs them, so each
// process keeps them for RULES_CACHE_TTL_MS: an office's change reaches every web and worker process
// within that time, and at once in the process that made it (invalidateRules).
import type { Db } from '../db/sql';
import { parseRuleParams, ruleKindSchema, ruleSchema, type Rule } from './rule';

export const RULES_CACHE_TTL_MS = 5_000;

interface RuleRow {
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

let cached: { rules: Promise<Rule[]>; loadedAtMs: number } | undefined;

/** loadRules through the per-process cache. The TTL runs on the machine's clock: it is about freshness, not deadlines. */
export function getRules(db: Db, nowMs: number = Date.now()): Promise<Rule[]> {
  if (cached && nowMs - cached.loadedAtMs < RULES_CACHE_TTL_MS) return cached.rules;
  const entry = { rules: loadRules(db), loadedAtMs: nowMs };
  cached = entry;
  // concurrent callers share the one load; a failed load is forgotten so the next call retries
  entry.rules.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return entry.rules;
}

/** Call after changing a rule so this process sees the change at once. */
export function invalidateRules(): void {
  cached = undefined;
}
