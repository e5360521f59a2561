// zh-CN names the alert wall and the alert API speak: domains (DESIGN §1 领域), states, rule kinds, levels.
import type { AlertLevel, AlertState, RuleKind } from './alert';

/** The 9 pilot domains, in the order of the Jiangsu pilot document, then `other`. */
export const DOMAINS = [
  'urban_rural_planning',
  'major_projects',
  'budgets',
  'taxation',
  'environment',
  'food_drug',
  'work_safety',
  'public_culture',
  'public_legal',
  'other',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Readonly<Record<Domain, string>> = {
  urban_rural_planning: '城乡规划',
  major_projects: '重大建设项目',
  budgets: '财政预决算',
  taxation: '税收管理',
  environment: '环境保护',
  food_drug: '食品药品监管',
  work_safety: '安全生产',
  public_culture: '公共文化服务',
  public_legal: '公共法律服务',
  other: '其他',
};

export function domainLabel(domain: string | null): string {
  return (DOMAIN_LABELS as Record<string, string | undefined>)[domain ?? 'other'] ?? DOMAIN_LABELS.other;
}

export const ALERT_LEVELS = ['yellow', 'orange', 'red'] as const satisfies readonly AlertLevel[];

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
};
