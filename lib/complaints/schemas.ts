// Request bodies of the complaint API, with zh-CN messages (DESIGN §3). Content is plain text: it is stored
// as given and always rendered as text, so markup in it stays inert.
import { z } from 'zod';
import { ymdSchema } from '../calendar/ymd';
import { channelSchema, findingSchema, satisfactionSchema } from './complaint';

export const MAX_CONTENT_LENGTH = 2_000;
export const MAX_NOTE_LENGTH = 1_000;
export const MAX_REPLY_LENGTH = 5_000;
/** The public form's whole body: a complaint of 2,000 characters fits with room to spare. */
export const PUBLIC_BODY_MAX_BYTES = 16_000;

/** A body object that refuses unknown fields, naming them in zh-CN (shared by the request API's bodies). */
export const strictObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `不支持的字段：${issue.keys.join('、')}` : issue.code === 'invalid_type' ? '请求体必须是对象' : undefined,
  });

/** Trimmed text with zh-CN messages naming the field: 请填写…, …至少 N 个字, …不超过 N 个字. */
export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是文本`) })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不超过 ${max} 个字`);

const id = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `请选择${label}` : `${label}编号必须是整数`) })
    .int(`${label}编号必须是整数`)
    .positive(`${label}编号必须是正整数`);

// a mobile or a landline with area code; separators allowed, at least 7 digits
export const phoneSchema = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写联系电话' : '联系电话必须是文本') })
  .trim()
  .max(20, '联系电话不超过 20 位')
  .regex(/^[0-9+\-\s()]+$/, '联系电话只能包含数字')
  .refine((value) => value.replace(/\D/g, '').length >= 7, '联系电话至少 7 位数字');

export const intakeSchema = strictObject({
  channel: channelSchema,
  content: text('投诉内容', 10, MAX_CONTENT_LENGTH),
  phone: phoneSchema,
  name: text('姓名', 1, 50).optional(),
  departmentId: id('投诉涉及的部门').optional(),
  // the region whose queue a complaint without a department waits in (and the region a catalogCode belongs to)
  regionId: z.string({ error: '区域代码必须是文本' }).regex(/^[0-9]{6}$/, '区域代码应为 6 位数字').optional(),
  catalogCode: text('目录编码', 1, 64).optional(),
  itemId: id('公开信息').optional(),
  attachments: z
    .array(strictObject({ name: text('附件名称', 1, 200), url: z.url({ error: '附件链接无效' }).max(2_048, '附件链接过长') }), {
      error: '附件必须是列表',
    })
    .max(10, '附件不超过 10 个')
    .optional(),
  // honeypot: a field people never see; a form that fills it in is a bot
  website: z.string().max(500).optional(),
});
export type IntakeInput = z.infer<typeof intakeSchema>;

const note = (label = '说明') => text(label, 1, MAX_NOTE_LENGTH);

export const actionSchema = z.discriminatedUnion(
  'action',
  [
    strictObject({ action: z.literal('assign'), departmentId: id('承办部门'), positionId: id('岗位').nullish(), note: note().optional() }),
    strictObject({ action: z.literal('accept'), note: note().optional() }),
    strictObject({ action: z.literal('start'), note: note().optional() }),
    strictObject({ action: z.literal('return'), note: note('回退理由') }),
    strictObject({ action: z.literal('extend'), dueDate: ymdSchema, note: note('延期理由') }),
    strictObject({ action: z.literal('reply'), reply: text('答复内容', 5, MAX_REPLY_LENGTH) }),
    strictObject({ action: z.literal('remind'), note: note('催办说明').optional() }),
    strictObject({ action: z.literal('rate'), satisfaction: satisfactionSchema, comment: note('评价说明').optional() }),
    // finding: 属实 names the catalog entry (and item) not properly published; absent for a close without one
    strictObject({
      action: z.literal('close'),
      note: note('办结说明'),
      finding: findingSchema.optional(),
      catalogEntryId: id('公开事项').optional(),
      itemId: id('公开信息').optional(),
    }),
    strictObject({ action: z.literal('note'), note: note('备注') }),
    strictObject({ action: z.literal('withdraw_finding'), note: note('撤销理由') }),
  ],
  { error: '未知的操作' },
);
export type ActionInput = z.infer<typeof actionSchema>;

export const phone4Schema = z.string({ error: '请填写手机号后4位' }).regex(/^[0-9]{4}$/, '请填写手机号后4位');

export const publicRatingSchema = strictObject({
  phone4: phone4Schema,
  satisfaction: satisfactionSchema,
  comment: note('评价说明').optional(),
  website: z.string().max(500).optional(),
});
export type PublicRatingInput = z.infer<typeof publicRatingSchema>;
