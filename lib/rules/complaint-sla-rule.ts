// The complaint SLA rule, pure: whether a complaint's SLA status (lib/complaints/sla.ts, on the clock of
// lib/deadlines) makes an alert under the rules, and its message — the one judgement shared by the SLA sync
// (every transition and the sweep), the rule preview and the re-evaluation after a rule is saved.
import { PHASE_LABELS, type SlaPhase, type SlaStatus } from '../complaints/sla';
import { dueDayOf } from '../deadlines/due-day';
import { LEVEL_TERMS, type Level } from './level';
import type { Rule, RuleOf } from './rule';
import { selectRule } from './select-rule';

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

/** The alert message, without personal data: e.g. 派单超期：投诉件 7K3M-Q9TX-4HPA 应于 2026-11-04 前派单. */
export function slaMessage(level: Exclude<Level, 'none'>, phase: SlaPhase, trackingCode: string, dueAt: Date): string {
  return `${PHASE_LABELS[phase]}${LEVEL_TERMS[level]}：投诉件 ${trackingCode} 应于 ${dueDayOf(dueAt)} 前${PHASE_LABELS[phase]}`;
}
