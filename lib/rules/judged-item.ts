// What the completeness and channel rules judge an item on: its published version, with its catalog entry's
// requirements and its department (lib/rules/completeness-rule.ts, channel-rule.ts).
import type { CompletenessItem } from './evaluate-completeness';
import type { Rule } from './rule';
import type { RuleSubject } from './select-rule';

export interface JudgedItem extends CompletenessItem, RuleSubject {
  orgCode: string;
  departmentName: string;
  requiredElements: readonly string[];
  requiredChannels: readonly string[];
  channels: readonly string[];
  publishedAt: Date | null;
  withdrawnAt: Date | null;
}

/** A rule's finding on an item: the alert's message and details, under the rule that governs it. */
export interface ItemRuleFinding {
  rule: Rule;
  message: string;
  details: Record<string, unknown>;
}

/** Completeness and channels are judged on what was published; a withdrawn or unpublished item has nothing to judge. */
export const isJudged = (item: JudgedItem): boolean => item.publishedAt !== null && item.withdrawnAt === null;
