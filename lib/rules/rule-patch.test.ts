import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Rule } from './rule';
import { applyRulePatch, isSameRule, rulePatchSchema } from './rule-patch';

const deadline: Rule = {
  id: 1,
  kind: 'deadline',
  name: '公开时限预警',
  scopeRegionCode: '320000',
  scopeDomain: null,
  scopeEntryId: null,
  params: { warnWorkingDays: 3, severeWorkingDays: 10 },
  level: 'yellow',
  enabled: true,
  version: 1,
};

describe('rulePatchSchema', () => {
  it('takes params, level and enabled, and refuses an empty change or another field', () => {
    expect(rulePatchSchema.safeParse({ enabled: false }).success).toBe(true);
    expect(rulePatchSchema.safeParse({}).error?.issues[0]?.message).toBe('请至少修改一项：参数、级别或启用状态');
    expect(rulePatchSchema.safeParse({ kind: 'channel' }).error?.issues[0]?.message).toMatch(/不能修改：kind/);
    expect(rulePatchSchema.safeParse({ level: 'purple' }).success).toBe(false);
  });
});

describe('applyRulePatch', () => {
  it('merges new params over the current ones', () => {
    const after = applyRulePatch(deadline, { params: { warnWorkingDays: 5 } });
    expect(after.params).toEqual({ warnWorkingDays: 5, severeWorkingDays: 10 });
    expect(after.version).toBe(1);
    expect(isSameRule(deadline, after)).toBe(false);
  });

  it('changes level and state and leaves params alone', () => {
    const after = applyRulePatch(deadline, { level: 'orange', enabled: false });
    expect(after).toMatchObject({ level: 'orange', enabled: false, params: deadline.params });
  });

  it('refuses a typo or a value out of range, naming the param under params.', () => {
    const issues = (patch: Record<string, unknown>) => {
      try {
        applyRulePatch(deadline, { params: patch });
        return [];
      } catch (error) {
        return (error as z.ZodError).issues.map((issue) => [issue.path.join('.'), issue.message]);
      }
    };
    expect(issues({ warnWorkingDay: 5 })).toEqual([['params', '未知的规则参数：warnWorkingDay']]);
    expect(issues({ warnWorkingDays: 31 })).toEqual([['params.warnWorkingDays', '临期提醒天数应在 0–30 个工作日之间']]);
  });

  it('sees an unchanged save as the same rule', () => {
    expect(isSameRule(deadline, applyRulePatch(deadline, { params: { warnWorkingDays: 3 }, enabled: true }))).toBe(true);
  });
});
