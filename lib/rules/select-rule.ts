// Which rule of a kind applies to a subject: the most specific matching scope wins (DESIGN §1
// "Monitoring rule": entry, then domain, then the nearest region).
import type { Rule, RuleKind, RuleOf } from './rule';

export interface RuleSubject {
  /** Dotted region codes from the province down, e.g. '320000.320100.320105' (regions.path). */
  regionPath: string;
  domain: string;
  entryId: number;
}

/**
 * Returns the rule that governs `subject`, or null when none matches.
 *
 * Switching a check off is itself a rule: when the most specific match is disabled, the check is
 * OFF for that subject (null) even if a broader enabled rule also matches. That is how an office
 * turns the completeness check off for one domain or one entry without touching the province's
 * default; a disabled rule never falls through to a broader one.
 */
export function selectRule<K extends RuleKind>(
  rules: readonly Rule[],
  kind: K,
  subject: RuleSubject,
): RuleOf<K> | null {
  const path = subject.regionPath.split('.');
  let best: { rule: Rule; rank: readonly number[] } | null = null;
  for (const rule of rules) {
    if (rule.kind !== kind) continue;
    const depth = regionDepth(rule.scopeRegionCode, path);
    if (depth === null) continue;
    if (rule.scopeDomain !== null && rule.scopeDomain !== subject.domain) continue;
    if (rule.scopeEntryId !== null && rule.scopeEntryId !== subject.entryId) continue;
    const rank = [rule.scopeEntryId !== null ? 1 : 0, rule.scopeDomain !== null ? 1 : 0, depth, -rule.id];
    if (!best || isHigher(rank, best.rank)) best = { rule, rank };
  }
  if (!best || !best.rule.enabled) return null;
  return best.rule as RuleOf<K>;
}

/** 0 for a rule without a region (above the province), 1 for the province, …; null if off the path. */
function regionDepth(code: string | null, path: readonly string[]): number | null {
  if (code === null) return 0;
  const index = path.indexOf(code);
  return index === -1 ? null : index + 1;
}

function isHigher(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
