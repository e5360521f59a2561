// Request bodies of the request API (DESIGN §3 POST /api/v1/requests, POST /api/v1/requests/:id/actions), with
// zh-CN messages naming the field. Text is plain: stored as given and always rendered as text.
import { z } from 'zod';
import { isYmd, type Ymd } from '../calendar/ymd';
import { MAX_EXTENSION_WORKING_DAYS } from '../deadlines/request-clock';
import { cursorSchema, limitSchema } from '../http/pagination';
import { strictObject, text } from '../complaints/schemas';
import { parseInstant } from '../items/ingest-schema';
import { isMainlandPhone, isValidCreditCode, isValidResidentId } from './identity';
import {
  applicantTypeSchema,
  attachmentSchema,
  channelSchema,
  deliveryMethodSchema,
  formatSchema,
  idTypeSchema,
  REPLY_TYPES_NEEDING_BASIS,
  REPLY_TYPE_LABELS,
  replyGroundSchema,
  replyTypeSchema,
} from './request';

export const MAX_DESCRIPTION_LENGTH = 5_000;
export const MAX_TEXT_LENGTH = 1_000;
export const MAX_REPLY_LENGTH = 20_000;
/** The public form's whole body (the complaint form's cap is 16 KB for 2,000 characters; a description may be 5,000). */
export const PUBLIC_BODY_MAX_BYTES = 32_000;
/** Art. 30 leaves the 补正 period to the office ("合理期限"); the request_correction rule's default is 15. */
export const MAX_CORRECTION_WORKING_DAYS = 60;
/** Art. 33: one extension of at most 20 working days (defined with the request clock). */
export { MAX_EXTENSION_WORKING_DAYS };

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .transform((value) => (value === '' ? undefined : value))
    .optional();

/**
 * When a step happened (`at`, DESIGN §3): a date-time with an offset, or a bare YYYY-MM-DD meaning that day in
 * Asia/Shanghai — recorded as the later of the day's start and the previous step, see resolveStepAt.
 */
export type StepAt = { day: Ymd } | { instant: Date };

export const stepAtSchema = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是日期或时间文本`) })
    .max(64, `${label}格式应为 YYYY-MM-DD 或 2026-11-02T10:00:00+08:00`)
    .transform((raw, context): StepAt => {
      const value = raw.trim();
      if (isYmd(value)) return { day: value };
      const parsed = parseInstant(value);
      if (parsed.ok) return { instant: parsed.date };
      context.addIssue({ code: 'custom', message: `${label}：${parsed.reason}` });
      return z.NEVER;
    });

const regionIdSchema = z
  .string({ error: (issue) => (issue.input === undefined ? '请选择受理区域' : '区域代码必须是文本') })
  .regex(/^[0-9]{6}$/, '区域代码应为 6 位数字');

const departmentIdSchema = z
  .number({ error: '受理机关编号必须是整数' })
  .int('受理机关编号必须是整数')
  .positive('受理机关编号必须是正整数');

export const mainlandPhoneSchema = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写联系电话' : '联系电话必须是文本') })
  .trim()
  .max(24, '联系电话不超过 24 位')
  .refine(isMainlandPhone, '联系电话应为大陆手机号（11 位）或带区号的固定电话');

const applicantSchema = strictObject({
  type: applicantTypeSchema,
  name: text('申请人姓名或名称', 1, 100),
  idType: idTypeSchema.optional(),
  idNo: optionalText('证件号码', 40),
  phone: mainlandPhoneSchema,
  email: z.email({ error: '电子邮箱格式不正确' }).max(200, '电子邮箱不超过 200 个字符').optional(),
  address: optionalText('通信地址', 300),
}).superRefine((applicant, context) => {
  const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if (applicant.idNo !== undefined && applicant.idType === undefined) issue('idType', '请选择证件类型');
  if (applicant.idType !== undefined && applicant.idNo === undefined) issue('idNo', '请填写证件号码');
  if (applicant.idNo !== undefined && applicant.idType === 'resident_id' && !isValidResidentId(applicant.idNo)) {
    issue('idNo', '身份证号码无效：应为 18 位，且校验位正确');
  }
  if (applicant.idNo !== undefined && applicant.idType === 'credit_code' && !isValidCreditCode(applicant.idNo)) {
    issue('idNo', '统一社会信用代码无效：应为 18 位，且校验位正确');
  }
});

export const intakeSchema = strictObject({
  channel: channelSchema,
  applicant: applicantSchema,
  regionId: regionIdSchema,
  /** Absent: 不清楚, the region's government office receives it. */
  departmentId: departmentIdSchema.optional(),
  description: text('所需信息的描述', 5, MAX_DESCRIPTION_LENGTH),
  purpose: optionalText('用途', MAX_TEXT_LENGTH),
  format: formatSchema.optional(),
  delivery: deliveryMethodSchema.optional(),
  /** Staff registering a letter (the day signed for) or a visit (the day submitted). */
  receivedAt: stepAtSchema('收到申请的时间').optional(),
  // honeypot: a field people never see; a form that fills it in is a bot
  website: z.string().max(500).optional(),
});
export type IntakeInput = z.infer<typeof intakeSchema>;
export type ApplicantInput = IntakeInput['applicant'];

const note = (label: string) => text(label, 1, MAX_TEXT_LENGTH);

export const actionSchema = z
  .discriminatedUnion(
    'action',
    [
      strictObject({ action: z.literal('confirm_receipt'), at: stepAtSchema('确认收到的时间').optional() }),
      strictObject({
        action: z.literal('request_correction'),
        at: stepAtSchema('告知补正的时间').optional(),
        what: note('需要补正的内容'),
        periodWorkingDays: z
          .number({ error: '补正期限必须是整数（工作日）' })
          .int('补正期限必须是整数（工作日）')
          .min(1, '补正期限至少 1 个工作日')
          .max(MAX_CORRECTION_WORKING_DAYS, `补正期限不超过 ${MAX_CORRECTION_WORKING_DAYS} 个工作日`)
          .optional(),
      }),
      strictObject({ action: z.literal('record_correction'), at: stepAtSchema('收到补正申请的时间'), note: note('说明').optional() }),
      strictObject({ action: z.literal('start_consultation'), at: stepAtSchema('开始征求意见的时间'), with: note('征求意见的对象') }),
      strictObject({ action: z.literal('end_consultation'), at: stepAtSchema('征求意见结束的时间'), note: note('说明').optional() }),
      strictObject({
        action: z.literal('extend'),
        at: stepAtSchema('延期的时间').optional(),
        workingDays: z
          .number({ error: (issue) => (issue.input === undefined ? '请填写延长的工作日数' : '延长期限必须是整数（工作日）') })
          .int('延长期限必须是整数（工作日）')
          .min(1, '延长期限至少 1 个工作日')
          .max(MAX_EXTENSION_WORKING_DAYS, `延长期限最长不得超过 ${MAX_EXTENSION_WORKING_DAYS} 个工作日`),
        approver: note('批准人'),
        reason: note('延期理由'),
      }),
      strictObject({
        action: z.literal('reply'),
        at: stepAtSchema('答复的时间').optional(),
        type: replyTypeSchema,
        text: text('答复内容', 1, MAX_REPLY_LENGTH),
        basis: optionalText('法律依据', MAX_TEXT_LENGTH),
        ground: replyGroundSchema.optional(),
        attachments: z.array(attachmentSchema, { error: '附件必须是列表' }).max(20, '附件不超过 20 个').optional(),
      }),
      strictObject({ action: z.literal('deliver'), at: stepAtSchema('送达的时间').optional(), method: deliveryMethodSchema }),
      strictObject({ action: z.literal('close'), note: note('说明').optional() }),
      strictObject({ action: z.literal('withdraw'), at: stepAtSchema('撤回的时间').optional(), note: note('说明').optional() }),
    ],
    { error: '未知的操作' },
  )
  .superRefine((input, context) => {
    if (input.action === 'reply' && REPLY_TYPES_NEEDING_BASIS.includes(input.type) && input.basis === undefined) {
      context.addIssue({ code: 'custom', path: ['basis'], message: `「${REPLY_TYPE_LABELS[input.type]}」须写明法律依据和理由` });
    }
  });
export type ActionInput = z.infer<typeof actionSchema>;
export type RequestActionName = ActionInput['action'];

/** The queue's keyset cursor: the last row's sort key (null for "owes nothing", sorted last) and id. */
const listCursorKeySchema = z.strictObject({ key: z.iso.datetime().nullable(), id: z.number().int().positive() });
export type ListCursor = z.infer<typeof listCursorKeySchema>;

export const listQuerySchema = z.strictObject(
  {
    state: z.enum(['submitted', 'received', 'correction_requested', 'consulting', 'replied', 'delivered', 'closed', 'abandoned', 'withdrawn', 'open'], {
      error: '状态无效',
    }).optional(),
    level: z.enum(['none', 'yellow', 'orange', 'red'], { error: '预警级别无效' }).optional(),
    departmentId: z.coerce.number({ error: '部门编号必须是整数' }).int('部门编号必须是整数').positive('部门编号必须是正整数').optional(),
    regionId: regionIdSchema.optional(),
    channel: channelSchema.optional(),
    sort: z.enum(['due', 'received'], { error: '排序只能是 due 或 received' }).optional(),
    cursor: cursorSchema(listCursorKeySchema),
    limit: limitSchema,
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不支持的参数：${issue.keys.join('、')}` : undefined) },
);
export type ListQuery = z.infer<typeof listQuerySchema>;
