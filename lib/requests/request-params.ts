// The request rules' params that govern a request of a region (most specific scope wins), or their defaults
// when none is configured or the rule is switched off: the clocks run even where alerts are off.
import type { RequestClockParams } from '../deadlines/request-status';
import { requestRule } from '../rules/request-rule';
import { parseRuleParams, type Rule } from '../rules/rule';

export interface RequestParams extends RequestClockParams {
  /** The 补正 period offered when the office does not name one. */
  correctionPeriodWorkingDays: number;
}

export function requestParamsFor(rules: readonly Rule[], regionPath: string): RequestParams {
  const reply = requestRule(rules, 'request_reply', regionPath)?.params ?? parseRuleParams('request_reply', {});
  const confirm = requestRule(rules, 'request_confirm', regionPath)?.params ?? parseRuleParams('request_confirm', {});
  const correction = requestRule(rules, 'request_correction', regionPath)?.params ?? parseRuleParams('request_correction', {});
  return {
    reply,
    confirm,
    correction: { severeWorkingDays: correction.severeWorkingDays },
    correctionPeriodWorkingDays: correction.periodWorkingDays,
  };
}
