import { describe, expect, it } from 'vitest';
import { describeTimeLimit, TIME_LIMIT_KIND_LABELS } from './describe-time-limit';
import { parseTimeLimit } from './parse-time-limit';

describe('describeTimeLimit', () => {
  it.each([
    ['信息形成或变更之日起20个工作日内', '信息形成或变更后 20 个工作日内（形成当日不计）'],
    ['批准后20日内', '信息形成后 20 日内（按自然日计算）'],
    ['实时', '信息形成当个工作日内（实时）'],
    ['每季度', '每季度公开，季度结束后 20 个工作日内'],
    ['半年至少更新1次', '每半年更新，在本半年内公开'],
    ['每年1月31日前', '每年 1 月 31 日前'],
    ['提前3日', '事件发生 3 日前公开'],
    ['及时', '时限无法量化，不做时限监督（需明确为可计算的时限）'],
  ])('%s → %s', (text, words) => {
    expect(describeTimeLimit(parseTimeLimit(text))).toBe(words);
  });

  it('names every kind', () => {
    expect(Object.keys(TIME_LIMIT_KIND_LABELS)).toHaveLength(7);
  });
});
