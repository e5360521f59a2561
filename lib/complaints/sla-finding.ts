// Whether a complaint's SLA status makes an alert under the rules: the one judgement shared by the SLA
// sync (every transition and the sweep), the rule preview and the re-evaluation after a rule is saved.
import type { Level } from '../rules/level';
import type { Rule, RuleOf } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import type { SlaPhase, SlaStatus } from './sla';

export interface SlaFinding {
  rule: RuleOf<'complaint_sla'>;
  /** The department that holds the alert. */
  departmentId: number;
  level: Exclude<Level, 'none'>;
  phase: SlaPhase;
  dueAt: Date;
}

export interface SlaRuleSubject {
  regionPath: string;
  domain: string | null;
  catalogEntryId: number | null;
  departmentId: number | null;
}

/**
 * The finding for a complaint whose status is `status`, or null: on time, no complaint_sla rule on for it
 * (the most specific one switched off), or no department to hold the alert (an alert belongs to one).
 */
export function slaFinding(rules: readonly Rule[], complaint: SlaRuleSubject, status: SlaStatus): SlaFinding | null {
  if (status.level === 'none' || status.phase === null || status.dueAt === null || complaint.departmentId === null) return null;
  const rule = selectRule(rules, 'complaint_sla', {
    regionPath: complaint.regionPath,
    domain: complaint.domain ?? '',
    entryId: complaint.catalogEntryId ?? 0,
  });
  return rule ? { rule, departmentId: complaint.departmentId, level: status.level, phase: status.phase, dueAt: status.dueAt } : null;
}
