// zh-CN names the alert wall and the alert API speak: domains (DESIGN §1 领域), states, rule kinds, levels.
import type { AlertLevel, RuleKind } from '../rules/rule';
import type { AlertState } from './alert';

// one list of domains: the catalog's
export { DOMAINS, DOMAIN_LABELS, type Domain } from '../catalog/domains';
import { DOMAIN_LABELS } from '../catalog/domains';

export function domainLabel(domain: string | null): string {
  return (DOMAIN_LABELS as Record<string, string | undefined>)[domain ?? 'other'] ?? DOMAIN_LABELS.other;
}

// one list of levels: the rules'
export { ALERT_LEVELS } from '../rules/rule';

/** The short names on the wall's counters and tags; lib/rules/level.ts has the long ones. */
export const LEVEL_NAMES: Readonly<Record<AlertLevel, string>> = {
  yellow: '黄色预警',
  orange: '橙色预警',
  red: '红色预警',
};

export const STATE_LABELS: Readonly<Record<AlertState, string>> = {
  open: '待确认',
  acknowledged: '已确认',
  resolved: '已解除',
};

export const RULE_KIND_LABELS: Readonly<Record<RuleKind, string>> = {
  deadline: '公开时限',
  completeness: '要素完整性',
  channel: '公开渠道',
  complaint_sla: '投诉办理时限',
  complaint_substantiated: '投诉属实',
  request_reply: '依申请公开答复时限',
  request_confirm: '依申请公开确认收到',
  request_correction: '依申请公开补正期限',
};
