// Scoring weights and thresholds (DESIGN §1 考核): data, versioned in score_weights. Version 0 is the
// built-in default, used until an admin saves a first version.
import { z } from 'zod';

export const INDICATOR_KEYS = [
  'timeliness',
  'completeness',
  'complaintAccept',
  'complaintReply',
  'complaintSatisfaction',
  'alertResponse',
  'requestReply',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  timeliness: '公开及时率',
  completeness: '内容完整率',
  complaintAccept: '投诉及时签收率',
  complaintReply: '投诉按时办结率',
  complaintSatisfaction: '投诉回访满意率',
  alertResponse: '预警响应及时率',
  requestReply: '依申请公开按时答复率',
};

const weight = z.number({ error: '权重必须是数字' }).min(0, '权重不能为负').max(100, '权重不能超过 100');

export const weightsSchema = z
  .object({
    indicators: z.object({
      timeliness: weight,
      completeness: weight,
      complaintAccept: weight,
      complaintReply: weight,
      complaintSatisfaction: weight,
      alertResponse: weight,
      /**
       * 依申请公开按时答复率 (Art. 33); versions saved before it existed read the default, so a saved scheme
       * scores requests too (its weights are shared out in proportion, so their sum need not be 100).
       */
      requestReply: weight.default(10),
    }),
    /** Fewer cases than this in a month: 样本不足, the weight goes to the other indicators. */
    minCases: z.number().int('最少样本数必须是整数').min(1, '最少样本数至少为 1').max(100, '最少样本数不能超过 100'),
    /** Points taken off the total per alert that reached red (严重超期) in the month. */
    redPenalty: z.number().min(0, '扣分不能为负').max(20, '每条扣分不能超过 20'),
    /** The most the red deductions may take off in one month. */
    redPenaltyCap: z.number().min(0, '扣分上限不能为负').max(100, '扣分上限不能超过 100'),
    /**
     * Points taken off per complaint found substantiated (投诉属实) in the month; versions saved before it
     * existed read the default.
     */
    substantiatedPenalty: z.number().min(0, '扣分不能为负').max(20, '每件扣分不能超过 20').default(5),
    /**
     * 申诉期限: a department may dispute an alert or a deduction within this many working days of the alert's
     * opening / the deduction's recording. It lives with the weights, not with a rule's params, because it
     * belongs to the assessment scheme as a whole (every scheme in reference.md sets its 申诉 period beside
     * its deductions) and applies to deductions no rule raises; versions saved before it read the default.
     */
    disputeWorkingDays: z.number().int('申诉期限必须是整数').min(1, '申诉期限至少 1 个工作日').max(30, '申诉期限不能超过 30 个工作日').default(5),
    /** An alert counts as answered in time when acknowledged (or resolved) within this many hours… */
    alertAckHours: z.number().int('小时数必须是整数').min(1, '至少 1 小时').max(720, '不能超过 720 小时'),
    /** …and resolved within this many hours of opening. */
    alertResolveHours: z.number().int('小时数必须是整数').min(1, '至少 1 小时').max(2160, '不能超过 2160 小时'),
  })
  .refine((w) => INDICATOR_KEYS.some((key) => w.indicators[key] > 0), {
    message: '至少一项指标的权重必须大于 0',
    path: ['indicators'],
  });
export type Weights = z.infer<typeof weightsSchema>;

export const DEFAULT_WEIGHTS: Weights = {
  indicators: {
    // 100 in all: 依申请公开 took 5 from 公开及时率 and 5 from 投诉按时办结率, so replies to requests and to
    // complaints weigh the same
    timeliness: 30,
    completeness: 20,
    complaintAccept: 10,
    complaintReply: 10,
    complaintSatisfaction: 10,
    alertResponse: 10,
    requestReply: 10,
  },
  minCases: 5,
  redPenalty: 2,
  redPenaltyCap: 20,
  substantiatedPenalty: 5,
  disputeWorkingDays: 5,
  alertAckHours: 24,
  alertResolveHours: 240,
};

export interface VersionedWeights {
  version: number;
  weights: Weights;
}

export const DEFAULT_VERSIONED_WEIGHTS: VersionedWeights = { version: 0, weights: DEFAULT_WEIGHTS };
