// 监督规则: a configurable check stored as data (DESIGN §1 "Monitoring rule"). What an item must
// contain and where it must appear comes from its catalog entry; a rule's params say how strictly
// and how soon to warn.
import { z } from 'zod';

export const RULE_KINDS = [
  'deadline',
  'completeness',
  'channel',
  'complaint_sla',
  'complaint_substantiated',
  'request_reply',
  'request_confirm',
  'request_correction',
] as const;
export const ruleKindSchema = z.enum(RULE_KINDS, {
  error: '规则类型必须是 时限/完整性/渠道/投诉时限/投诉属实/申请答复时限/申请确认收到/申请补正 之一',
});
export type RuleKind = z.infer<typeof ruleKindSchema>;

export const ALERT_LEVELS = ['yellow', 'orange', 'red'] as const;
export const alertLevelSchema = z.enum(ALERT_LEVELS, { error: '预警级别必须是 黄色/橙色/红色 之一' });
export type AlertLevel = z.infer<typeof alertLevelSchema>;

// A typo in a PATCH body (warnWorkingDay) must be refused, not silently ignored.
const paramsObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `未知的规则参数：${issue.keys.join('、')}`
        : issue.code === 'invalid_type'
          ? '规则参数必须是对象'
          : undefined,
  });

const workingDays = (label: string, min: number, max: number, fallback: number) =>
  z
    .number({ error: `${label}必须是整数` })
    .int(`${label}必须是整数`)
    .min(min, `${label}应在 ${min}–${max} 个工作日之间`)
    .max(max, `${label}应在 ${min}–${max} 个工作日之间`)
    .default(fallback);

const flag = (label: string) => z.boolean({ error: `${label}必须是 true 或 false` }).default(true);

export const deadlineParamsSchema = paramsObject({
  // yellow (临期) covers the last k working days up to and including the due day
  warnWorkingDays: workingDays('临期提醒天数', 0, 30, 3),
  // red (严重超期) from 00:00 after the k-th working day after the due day
  severeWorkingDays: workingDays('严重超期天数', 1, 60, 10),
});

export const completenessParamsSchema = paramsObject({
  // 索引号 as <orgCode>/<YYYY>-<5-digit serial> (目录系统实施指引 core metadata)
  checkIndexNoFormat: flag('是否校验索引号格式'),
  maxSummaryLength: z
    .number({ error: '内容概述字数上限必须是整数' })
    .int('内容概述字数上限必须是整数')
    .min(1, '内容概述字数上限应在 1–1000 字之间')
    .max(1000, '内容概述字数上限应在 1–1000 字之间')
    .default(100),
  requirePublisherFullName: flag('是否要求发布机构为全称'),
});

// The channels an item must appear on come from its catalog entry; nothing to tune yet.
export const channelParamsSchema = paramsObject({});

// 12345 hotline closed loop (DESIGN §1 Complaints): 派单 within 1 working day of receipt, 签收
// within 1 of assignment, 答复 within 13 of receipt.
export const complaintSlaParamsSchema = paramsObject({
  assignWorkingDays: workingDays('派单时限', 1, 30, 1),
  acceptWorkingDays: workingDays('签收时限', 1, 30, 1),
  replyWorkingDays: workingDays('答复时限', 1, 60, 13),
});

// 投诉属实: a handler's finding at 办结 is the violation; the rule only sets the alert's level (and can switch it off).
export const complaintSubstantiatedParamsSchema = paramsObject({});

// 依申请公开 (条例 Art. 30–33): the reply clock's 20 working days (+ the one extension) are statutory; the rule sets
// how soon to warn and when it is severe, like a deadline rule.
export const requestReplyParamsSchema = paramsObject({
  warnWorkingDays: workingDays('临期提醒天数', 0, 30, 3),
  severeWorkingDays: workingDays('严重超期天数', 1, 60, 10),
});

// Art. 31: an online application is received the day the office confirms it; confirm within 1 working day.
export const requestConfirmParamsSchema = paramsObject({
  confirmWorkingDays: workingDays('确认收到时限', 1, 10, 1),
  warnWorkingDays: workingDays('临期提醒天数', 0, 10, 1),
  severeWorkingDays: workingDays('严重超期天数', 1, 30, 3),
});

// Art. 30: the applicant's reasonable period to correct (补正期限); once it passes without a correction the office
// closes the application as abandoned (视为放弃申请), and the alert says so.
export const requestCorrectionParamsSchema = paramsObject({
  periodWorkingDays: workingDays('补正期限', 1, 60, 15),
  severeWorkingDays: workingDays('严重超期天数', 1, 30, 5),
});

export type DeadlineRuleParams = z.infer<typeof deadlineParamsSchema>;
export type CompletenessRuleParams = z.infer<typeof completenessParamsSchema>;
export type ChannelRuleParams = z.infer<typeof channelParamsSchema>;
export type ComplaintSlaRuleParams = z.infer<typeof complaintSlaParamsSchema>;
export type RequestReplyRuleParams = z.infer<typeof requestReplyParamsSchema>;
export type RequestConfirmRuleParams = z.infer<typeof requestConfirmParamsSchema>;
export type RequestCorrectionRuleParams = z.infer<typeof requestCorrectionParamsSchema>;

export const RULE_PARAMS_SCHEMAS = {
  deadline: deadlineParamsSchema,
  completeness: completenessParamsSchema,
  channel: channelParamsSchema,
  complaint_sla: complaintSlaParamsSchema,
  complaint_substantiated: complaintSubstantiatedParamsSchema,
  request_reply: requestReplyParamsSchema,
  request_confirm: requestConfirmParamsSchema,
  request_correction: requestCorrectionParamsSchema,
} as const;

export type RuleParamsByKind = { [K in RuleKind]: z.infer<(typeof RULE_PARAMS_SCHEMAS)[K]> };

/** Parses (and fills defaults into) a rule's params; throws a ZodError with zh-CN messages. */
export function parseRuleParams<K extends RuleKind>(kind: K, raw: unknown): RuleParamsByKind[K] {
  const schema: z.ZodType<RuleParamsByKind[K]> = RULE_PARAMS_SCHEMAS[kind] as never;
  // the column defaults to '{}'; a missing value means "all defaults" as well
  return schema.parse(raw ?? {});
}

const ruleBase = {
  id: z.number().int().positive(),
  name: z.string().trim().min(1, '请填写规则名称').max(200, '规则名称不超过 200 字'),
  // a region and every region below it (6-digit administrative code)
  scopeRegionCode: z.string().regex(/^[0-9]{6}$/, '区域代码应为 6 位数字').nullable(),
  scopeDomain: z.string().min(1).nullable(),
  scopeEntryId: z.number().int().positive().nullable(),
  level: alertLevelSchema,
  enabled: z.boolean(),
  version: z.number().int().min(1),
};

export const ruleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...ruleBase, kind: z.literal('deadline'), params: deadlineParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('completeness'), params: completenessParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('channel'), params: channelParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('complaint_sla'), params: complaintSlaParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('complaint_substantiated'), params: complaintSubstantiatedParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('request_reply'), params: requestReplyParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('request_confirm'), params: requestConfirmParamsSchema }),
    z.object({ ...ruleBase, kind: z.literal('request_correction'), params: requestCorrectionParamsSchema }),
  ],
  { error: '未知的规则类型' },
);

export type Rule = z.infer<typeof ruleSchema>;
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;
