// The complaint_sla rule that governs a complaint (most specific scope wins), or the 12345 defaults when
// none is configured: due times are set even where alerts are switched off.
import type { Rule } from '../rules/rule';
import type { ComplaintSlaRuleParams } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import { DEFAULT_SLA } from './sla';

export function slaParamsFor(
  rules: readonly Rule[],
  subject: { regionPath: string; domain: string | null; catalogEntryId: number | null },
): ComplaintSlaRuleParams {
  const rule = selectRule(rules, 'complaint_sla', {
    regionPath: subject.regionPath,
    domain: subject.domain ?? '',
    entryId: subject.catalogEntryId ?? 0,
  });
  return rule?.params ?? DEFAULT_SLA;
}
