// A structured 公开时限 in words (DESIGN §1 Deadlines: timeLimit.kind), shown beside the catalog's own
// wording so an office can see how the product reads each entry — and which entries it cannot check.
import type { TimeLimit, TimeLimitPeriod } from './time-limit';

const PERIOD_WORDS: Readonly<Record<TimeLimitPeriod, string>> = {
  month: '每月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
};

const PERIOD_UNITS: Readonly<Record<TimeLimitPeriod, string>> = {
  month: '月',
  quarter: '季度',
  half_year: '半年',
  year: '年度',
};

export const TIME_LIMIT_KIND_LABELS: Readonly<Record<TimeLimit['kind'], string>> = {
  working_days_after: '工作日时限',
  calendar_days_after: '自然日时限',
  same_day: '实时',
  periodic: '定期',
  fixed_date: '固定日期',
  before_event: '事前公开',
  unmeasurable: '无法量化',
};

/** e.g. '信息形成或变更后 20 个工作日内（形成当日不计）'; unmeasurable limits say why they are not checked. */
export function describeTimeLimit(limit: TimeLimit): string {
  switch (limit.kind) {
    case 'working_days_after':
      return `信息形成或变更后 ${limit.n} 个工作日内（形成当日不计）`;
    case 'calendar_days_after':
      return `信息形成后 ${limit.n} 日内（按自然日计算）`;
    case 'same_day':
      return '信息形成当个工作日内（实时）';
    case 'periodic':
      return limit.n === 0
        ? `${PERIOD_WORDS[limit.period]}更新，在本${PERIOD_UNITS[limit.period]}内公开`
        : `${PERIOD_WORDS[limit.period]}公开，${PERIOD_UNITS[limit.period]}结束后 ${limit.n} 个工作日内`;
    case 'fixed_date':
      return `每年 ${limit.month} 月 ${limit.day} 日前`;
    case 'before_event':
      return limit.n === 0 ? '事件发生前公开' : `事件发生 ${limit.n} 日前公开`;
    case 'unmeasurable':
      return '时限无法量化，不做时限监督（需明确为可计算的时限）';
  }
}
