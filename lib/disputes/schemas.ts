// 申诉 at the edge (DESIGN §3 POST /api/v1/disputes, POST /api/v1/disputes/:id/decision, GET /api/v1/disputes).
import { z } from 'zod';

export const DISPUTE_STATES = ['pending', 'accepted', 'rejected'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export const DISPUTE_SUBJECT_TYPES = ['alert', 'deduction'] as const;
export type DisputeSubjectType = (typeof DISPUTE_SUBJECT_TYPES)[number];

const reasonSchema = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `${what}至少 2 个字`)
    .max(1000, `${what}不超过 1000 字`);

const attachmentSchema = z.strictObject(
  {
    name: z.string({ error: '附件名称必须是字符串' }).trim().min(1, '请填写附件名称').max(200, '附件名称不能超过 200 个字符'),
    url: z
      .string({ error: '附件链接必须是字符串' })
      .trim()
      .max(2000, '附件链接不能超过 2000 个字符')
      .regex(/^https?:\/\/\S+$/, '附件链接应以 http:// 或 https:// 开头'),
  },
  { error: '附件应为 {name, url}' },
);

export const fileDisputeSchema = z.strictObject(
  {
    subject: z.strictObject(
      {
        type: z.enum(DISPUTE_SUBJECT_TYPES, { error: '申诉对象类型应为 alert（预警）或 deduction（扣分）' }),
        id: z.number({ error: '申诉对象 id 必须是整数' }).int('申诉对象 id 必须是整数').positive('申诉对象 id 必须是正整数'),
      },
      { error: '请指明申诉对象 {type, id}' },
    ),
    reason: reasonSchema('申诉理由'),
    attachments: z.array(attachmentSchema, { error: '附件（attachments）必须是数组' }).max(20, '附件不能超过 20 个').default([]),
  },
  { error: '请求体应为 JSON 对象' },
);
export type FileDisputeInput = z.infer<typeof fileDisputeSchema>;

export const decideDisputeSchema = z.strictObject(
  {
    decision: z.enum(['accept', 'reject'], { error: '处理结果应为 accept（申诉成立）或 reject（驳回）' }),
    reason: reasonSchema('处理理由'),
  },
  { error: '请求体应为 JSON 对象' },
);
export type DecideDisputeInput = z.infer<typeof decideDisputeSchema>;

export const disputeFilterSchema = z.object({
  state: z.enum(DISPUTE_STATES, { error: 'state 应为 pending、accepted 或 rejected' }).optional(),
  departmentId: z.coerce.number({ error: 'departmentId 必须是整数' }).int('departmentId 必须是整数').positive('departmentId 必须是正整数').optional(),
});
export type DisputeFilter = z.infer<typeof disputeFilterSchema>;

export const DISPUTE_STATE_LABELS: Record<DisputeState, string> = { pending: '待处理', accepted: '申诉成立', rejected: '已驳回' };
export const DISPUTE_SUBJECT_LABELS: Record<DisputeSubjectType, string> = { alert: '预警', deduction: '扣分' };
