// The request rules (依申请公开), pure: whether a request's status (lib/deadlines/request-status.ts) makes an alert
// under the rules — request_confirm while it waits for 确认收到, request_correction once the applicant's 补正
// period has passed, request_reply while the reply is owed — and the message, without personal data. Shared by
// every step of the workflow, the sweep, the rule preview and the re-evaluation after a rule is saved.
import type { RequestPhase, RequestStatus } from '../deadlines/request-status';
import { dueDayOf } from '../deadlines/due-day';
import { LEVEL_TERMS, type Level } from './level';
import type { Rule, RuleOf } from './rule';
import { selectRule } from './select-rule';

export const REQUEST_RULE_KINDS = ['request_confirm', 'request_correction', 'request_reply'] as const;
export type RequestRuleKind = (typeof REQUEST_RULE_KINDS)[number];

export const isRequestRuleKind = (kind: string): kind is RequestRuleKind => (REQUEST_RULE_KINDS as readonly string[]).includes(kind);

export const PHASE_RULE_KINDS: Readonly<Record<RequestPhase, RequestRuleKind>> = {
  confirm: 'request_confirm',
  correction: 'request_correction',
  reply: 'request_reply',
};

export interface RequestFinding {
  rule: RuleOf<RequestRuleKind>;
  level: Exclude<Level, 'none'>;
  phase: RequestPhase;
  dueAt: Date;
}

/** The rule of a kind that governs a request of this region (requests have no domain nor catalog entry). */
export function requestRule<K extends RequestRuleKind>(rules: readonly Rule[], kind: K, regionPath: string): RuleOf<K> | null {
  return selectRule(rules, kind, { regionPath, domain: '', entryId: 0 });
}

/** The finding, or null: nothing to warn of, or the phase's rule switched off (or not configured). */
export function requestFinding(rules: readonly Rule[], regionPath: string, status: RequestStatus): RequestFinding | null {
  if (status.level === 'none' || status.phase === null || status.clock === null) return null;
  const rule = requestRule(rules, PHASE_RULE_KINDS[status.phase], regionPath);
  return rule ? { rule, level: status.level, phase: status.phase, dueAt: status.clock.dueAt } : null;
}

/** e.g. 答复超期：政府信息公开申请 7K3M-Q9TX-4HPA 应于 2026-11-30 前答复. */
export function requestMessage(level: Exclude<Level, 'none'>, phase: RequestPhase, trackingCode: string, dueAt: Date): string {
  const day = dueDayOf(dueAt);
  switch (phase) {
    case 'confirm':
      return `确认收到${LEVEL_TERMS[level]}：网上申请 ${trackingCode} 应于 ${day} 前确认收到`;
    case 'correction':
      return `补正期限已过：申请 ${trackingCode} 的补正期限至 ${day}，申请人逾期未补正的应按视为放弃申请归档`;
    case 'reply':
      return `答复${LEVEL_TERMS[level]}：政府信息公开申请 ${trackingCode} 应于 ${day} 前答复`;
  }
}
