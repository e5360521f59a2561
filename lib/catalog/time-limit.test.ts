import { describe, expect, it } from 'vitest';
import { PERIODIC_DEFAULT_WORKING_DAYS, timeLimitSchema } from './time-limit';

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
