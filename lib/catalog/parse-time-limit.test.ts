import { describe, expect, it } from 'vitest';
import { parseTimeLimit } from './parse-time-limit';
import { PERIODIC_DEFAULT_WORKING_DAYS, timeLimitSchema } from './time-limit';

describe('parseTimeLimit', () => {
  it.each([
    ['信息形成或变更之日起20个工作日内', 20],
    ['自该政府信息形成或者变更之日起20个工作日内及时公开', 20],
    ['自制作或获取该信息之日起20个工作日内', 20],
    ['自作出行政决定之日起7个工作日内', 7],
    ['7个工作日', 7],
    ['20工作日', 20],
    ['信息形成20个工作日内公开；其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示', 20],
    ['自形成之日起２０个工作日内', 20], // full-width digits
    ['自形成之日起二十个工作日内', 20],
    ['十五个工作日内', 15],
    ['两个工作日内', 2],
    ['  20个 工作日内 ', 20],
  ])('%s → working_days_after %i', (text, n) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'working_days_after', n, text: text.trim() });
  });

  it.each([
    ['批准后20日内', 20],
    ['人大(常委会)批准后20日内', 20],
    ['本级人民代表大会或其常务委员会批准后20日内', 20],
    ['人大（常委会）批准后二十日内', 20],
    ['财政部门批复后20日内', 20],
    ['10天内', 10],
    ['一周内', 7],
  ])('%s → calendar_days_after %i', (text, n) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'calendar_days_after', n, text });
  });

  it.each(['实时', '实时公开', '即时公开', '当日公开'])('%s → same_day', (text) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'same_day', text });
  });

  it.each([
    ['每月', 'month', PERIODIC_DEFAULT_WORKING_DAYS],
    ['每月公开', 'month', PERIODIC_DEFAULT_WORKING_DAYS],
    ['每季度', 'quarter', PERIODIC_DEFAULT_WORKING_DAYS],
    ['按季度公开', 'quarter', PERIODIC_DEFAULT_WORKING_DAYS],
    ['每年', 'year', PERIODIC_DEFAULT_WORKING_DAYS],
    ['每半年', 'half_year', PERIODIC_DEFAULT_WORKING_DAYS],
    ['半年至少更新1次', 'half_year', 0],
    ['半年至少更新一次', 'half_year', 0],
    ['每季度结束后15个工作日内', 'quarter', 15],
  ])('%s → periodic %s, n = %i', (text, period, n) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'periodic', period, n, text });
  });

  it.each([
    ['每年1月31日前', 1, 31],
    ['每年3月31日前', 3, 31],
    ['每年一月三十一日前', 1, 31],
    ['每年1月31日之前向社会公布上一年度报告', 1, 31],
  ])('%s → fixed_date %i-%i', (text, month, day) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'fixed_date', month, day, text });
  });

  it.each([
    ['提前一周', 7],
    ['提前一周发通知邀请', 7],
    ['会议召开前3日', 3],
    ['举行前一周发布通知', 7],
    ['提前3日', 3],
    ['提前3天', 3],
    ['提前2周', 14],
  ])('%s → before_event %i', (text, n) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'before_event', n, text });
  });

  it.each([
    '及时',
    '按进展',
    '按进展情况及时公开',
    '长期公开',
    '永久公开',
    '常年公开',
    '批前公示时间不得少于30日', // a display period, not a deadline
    '提前3个工作日', // no structured form for working days before an event yet
    '最迟应在24小时内', // hours are not modelled
    '每年2月30日前', // no such day
    '',
    '随便写的',
  ])('%j → unmeasurable', (text) => {
    expect(parseTimeLimit(text)).toEqual({ kind: 'unmeasurable', text });
  });

  it('keeps a deadline next to a minimum display period', () => {
    expect(parseTimeLimit('批前公示不少于30日，批准后20个工作日内公开')).toMatchObject({ kind: 'working_days_after', n: 20 });
  });

  it('refuses counts that are out of range rather than inventing a deadline', () => {
    expect(parseTimeLimit('0个工作日').kind).toBe('unmeasurable');
    expect(parseTimeLimit('400个工作日').kind).toBe('unmeasurable');
  });

  it('always produces a value the schema accepts', () => {
    for (const text of ['20工作日', '批准后20日内', '实时', '每季度', '半年至少更新1次', '每年1月31日前', '提前一周', '及时']) {
      const parsed = parseTimeLimit(text);
      expect(timeLimitSchema.parse(parsed)).toEqual(parsed);
    }
  });
});

describe('timeLimitSchema', () => {
  it('fills in the default for a periodic limit', () => {
    expect(timeLimitSchema.parse({ kind: 'periodic', period: 'quarter', text: '每季度' })).toEqual({
      kind: 'periodic',
      period: 'quarter',
      n: PERIODIC_DEFAULT_WORKING_DAYS,
      text: '每季度',
    });
  });

  it('accepts 29 February and refuses days no month has', () => {
    expect(timeLimitSchema.safeParse({ kind: 'fixed_date', month: 2, day: 29, text: 'x' }).success).toBe(true);
    const bad = timeLimitSchema.safeParse({ kind: 'fixed_date', month: 4, day: 31, text: 'x' });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['day'], message: '该月没有这一天' });
  });

  it('refuses unknown kinds and bad counts with zh-CN messages', () => {
    expect(timeLimitSchema.safeParse({ kind: 'soon', text: 'x' }).error?.issues[0]?.message).toBe('未知的公开时限类型');
    expect(timeLimitSchema.safeParse({ kind: 'working_days_after', n: 0, text: 'x' }).error?.issues[0]?.message).toBe(
      '天数不能小于 1',
    );
    expect(timeLimitSchema.safeParse({ kind: 'working_days_after', n: 2.5, text: 'x' }).success).toBe(false);
  });
});
