// The substantiated-complaint rule, pure: a handler closed a complaint as 属实 naming the catalog entry (and
// item) that was not properly published — which rule governs the alert raised against the entry's
// responsible department (its level; switched off, no alert), and the alert's message.
import type { Rule, RuleOf } from './rule';
import { selectRule } from './select-rule';

export interface SubstantiatedSubject {
  /** The responsible department's region path. */
  regionPath: string;
  domain: string;
  entryId: number;
}

export function substantiatedRule(rules: readonly Rule[], subject: SubstantiatedSubject): RuleOf<'complaint_substantiated'> | null {
  return selectRule(rules, 'complaint_substantiated', subject);
}

/** e.g. 投诉属实：投诉件 7K3M-Q9TX-4HPA 反映「行政处罚决定」未按规定公开（「关于…的处罚决定书」）. */
export function substantiatedMessage(trackingCode: string, entryName: string, itemTitle: string | null): string {
  return `投诉属实：投诉件 ${trackingCode} 反映「${entryName}」未按规定公开${itemTitle ? `（「${itemTitle}」）` : ''}`;
}
