// 领域 (DESIGN §1 Domain): the 9 pilot domains of the catalog, plus 'other' for general entries such as the
// annual report; and the zh-CN words for the other enumerations a catalog entry carries.
import { z } from 'zod';

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

export const domainSchema = z.enum(DOMAINS, { error: '领域必须是 9 个试点领域之一或 other' });

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

export function domainLabel(domain: string): string {
  return Object.hasOwn(DOMAIN_LABELS, domain) ? DOMAIN_LABELS[domain as Domain] : domain;
}

export const DISCLOSURE_MODES = ['proactive', 'on_request', 'withheld'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];

export const MODE_LABELS: Readonly<Record<DisclosureMode, string>> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

export type Audience = 'public' | 'specific';

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = {
  public: '全社会',
  specific: '特定对象',
};
