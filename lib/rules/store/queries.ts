// Reads of the rules table. Rules change a few times a month while every check needs them, so each
// process keeps them and re-reads them only when the table's stamp changes (getRules).
import type { Db } from '../../db/sql';
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

// The cache is checked against a stamp of the table (count, sum of versions, max id: every save bumps a
// version) at most every RULES_STAMP_CHECK_MS, so a change saved by one process reaches every web and
// worker process within that time without each check job reading every rule.
export const RULES_STAMP_CHECK_MS = 500;

interface CachedRules {
  rules: Promise<Rule[]>;
  stamp: Promise<string>;
  checkedAtMs: number;
}

let cached: CachedRules | undefined;

async function rulesStamp(db: Db): Promise<string> {
  const [row] = await db<{ stamp: string }[]>`
    select count(*)::text || ':' || coalesce(sum(version), 0)::text || ':' || coalesce(max(id), 0)::text as stamp
    from rules`;
  return row?.stamp ?? '';
}

/** loadRules through the per-process cache. The check interval runs on the machine's clock: it is about freshness, not deadlines. */
export function getRules(db: Db, nowMs: number = Date.now()): Promise<Rule[]> {
  const current = cached;
  if (current && nowMs - current.checkedAtMs < RULES_STAMP_CHECK_MS) return current.rules;
  const stamp = rulesStamp(db);
  const entry: CachedRules = {
    stamp,
    checkedAtMs: nowMs,
    rules: current
      ? Promise.all([stamp, current.stamp.catch(() => null)]).then(([next, previous]) =>
          next === previous ? current.rules : loadRules(db),
        )
      : stamp.then(() => loadRules(db)),
  };
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
