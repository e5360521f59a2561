// The completeness rule (DESIGN §1 "Completeness and channel"), pure: an item's finding under the rules, or
// null when it is complete, not published, or no completeness rule governs it. The check job records it;
// the preview and the re-evaluation judge with it too.
import { completenessMessage } from './completeness-message';
import { evaluateCompleteness } from './evaluate-completeness';
import { isJudged, type ItemRuleFinding, type JudgedItem } from './judged-item';
import type { Rule } from './rule';
import { selectRule } from './select-rule';

export function completenessFinding(rules: readonly Rule[], item: JudgedItem): ItemRuleFinding | null {
  const rule = selectRule(rules, 'completeness', item);
  if (!rule || !isJudged(item)) return null;
  const findings = evaluateCompleteness({
    item,
    entry: { requiredElements: item.requiredElements },
    department: { orgCode: item.orgCode, name: item.departmentName },
    params: rule.params,
  });
  return findings.length === 0 ? null : { rule, message: completenessMessage(findings), details: { findings } };
}
