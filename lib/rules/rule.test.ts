import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertLevelSchema, parseRuleParams, ruleKindSchema, ruleSchema } from './rule';

const messages = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a ZodError');
};

describe('parseRuleParams', () => {
  it('fills the defaults of DESIGN §1 for every kind', () => {
    expect(parseRuleParams('deadline', {})).toEqual({ warnWorkingDays: 3, severeWorkingDays: 10 });
    expect(parseRuleParams('completeness', {})).toEqual({
      checkIndexNoFormat: true,
      maxSummaryLength: 100,
      requirePublisherFullName: true,
    });
    expect(parseRuleParams('channel', {})).toEqual({});
    expect(parseRuleParams('complaint_sla', {})).toEqual({
      assignWorkingDays: 1,
      acceptWorkingDays: 1,
      replyWorkingDays: 13,
    });
  });

  it('treats a missing value as all defaults', () => {
    expect(parseRuleParams('deadline', null)).toEqual({ warnWorkingDays: 3, severeWorkingDays: 10 });
    expect(parseRuleParams('deadline', undefined)).toEqual({ warnWorkingDays: 3, severeWorkingDays: 10 });
  });

  it('keeps given values and defaults the rest', () => {
    expect(parseRuleParams('deadline', { warnWorkingDays: 0 })).toEqual({ warnWorkingDays: 0, severeWorkingDays: 10 });
    expect(parseRuleParams('completeness', { checkIndexNoFormat: false, maxSummaryLength: 200 })).toMatchObject({
      checkIndexNoFormat: false,
      maxSummaryLength: 200,
    });
  });

  it('refuses out-of-range and non-integer working days in zh-CN', () => {
    expect(messages(() => parseRuleParams('deadline', { warnWorkingDays: 31 }))).toEqual([
      'warnWorkingDays: 临期提醒天数应在 0–30 个工作日之间',
    ]);
    expect(messages(() => parseRuleParams('deadline', { severeWorkingDays: 0 }))).toEqual([
      'severeWorkingDays: 严重超期天数应在 1–60 个工作日之间',
    ]);
    expect(messages(() => parseRuleParams('deadline', { warnWorkingDays: 2.5 }))).toEqual([
      'warnWorkingDays: 临期提醒天数必须是整数',
    ]);
    expect(messages(() => parseRuleParams('complaint_sla', { replyWorkingDays: '13' }))).toEqual([
      'replyWorkingDays: 答复时限必须是整数',
    ]);
  });

  it('refuses wrong types, unknown keys and non-objects', () => {
    expect(messages(() => parseRuleParams('completeness', { checkIndexNoFormat: 'yes' }))).toEqual([
      'checkIndexNoFormat: 是否校验索引号格式必须是 true 或 false',
    ]);
    expect(messages(() => parseRuleParams('deadline', { warnWorkingDay: 2 }))).toEqual([': 未知的规则参数：warnWorkingDay']);
    expect(messages(() => parseRuleParams('channel', { strict: true }))).toEqual([': 未知的规则参数：strict']);
    expect(messages(() => parseRuleParams('deadline', [3, 10]))).toEqual([': 规则参数必须是对象']);
  });
});

describe('rule schemas', () => {
  it('parses a rule row and types its params by kind', () => {
    const rule = ruleSchema.parse({
      id: 1,
      kind: 'deadline',
      name: '省级默认时限规则',
      scopeRegionCode: '320000',
      scopeDomain: null,
      scopeEntryId: null,
      params: {},
      level: 'yellow',
      enabled: true,
      version: 1,
    });
    expect(rule.kind === 'deadline' && rule.params.severeWorkingDays).toBe(10);
  });

  it('names kinds and levels in zh-CN when they are unknown', () => {
    expect(ruleKindSchema.safeParse('request_deadline').error?.issues[0]?.message).toBe(
      '规则类型必须是 时限/完整性/渠道/投诉时限/投诉属实/申请答复时限/申请确认收到/申请补正 之一',
    );
    expect(ruleKindSchema.safeParse('request_reply').success).toBe(true);
    expect(alertLevelSchema.safeParse('blue').error?.issues[0]?.message).toBe('预警级别必须是 黄色/橙色/红色 之一');
  });
});
