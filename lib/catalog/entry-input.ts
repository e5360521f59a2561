// A catalog entry as an office writes it (the edit form, one row of an Excel import): every field of
// DESIGN §1, the time limit as the catalog states it. The structured limit is parsed from that text by
// parseTimeLimit, the one reader of catalog wording.
import { z } from 'zod';
import { CHANNELS } from '../rules/evaluate-channels';
import { DISCLOSURE_MODES, domainSchema } from './domains';
import { parseTimeLimit } from './parse-time-limit';
import type { TimeLimit } from './time-limit';

export const CORE_ELEMENT_KEYS = ['indexNo', 'docNo', 'publisher', 'summary', 'body', 'url', 'attachments'] as const;
const ELEMENT_PATTERN = new RegExp(`^(?:${CORE_ELEMENT_KEYS.join('|')}|fields\\.[^\\s.]{1,50})$`);

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const entryInputSchema = z
  .object({
    code: z
      .string({ error: '请填写编码' })
      .trim()
      .min(1, '请填写编码')
      .max(64, '编码不超过 64 字')
      .regex(/^[0-9A-Za-z][0-9A-Za-z_.-]*$/, '编码只能由字母、数字和 _.- 组成'),
    name: text('事项名称', 200),
    domain: domainSchema,
    category: z.string().trim().max(200, '类别不超过 200 字').default(''),
    basis: text('公开依据', 2000),
    content: text('公开内容', 4000),
    requiredElements: z
      .array(z.string().trim().regex(ELEMENT_PATTERN, '必备要素应为 索引号/文号/发布机构/内容概述/正文/链接地址/附件 或自定义字段'))
      .max(30, '必备要素不超过 30 项')
      .default([]),
    departmentId: z.number({ error: '请选择责任部门' }).int().positive('请选择责任部门'),
    positionId: z.number().int().positive().nullable().default(null),
    timeLimitText: text('公开时限', 500),
    channels: z.array(z.enum(CHANNELS, { error: '未知的公开渠道' })).max(CHANNELS.length).default([]),
    audience: z.enum(['public', 'specific'], { error: '公开对象应为 全社会 或 特定对象' }).default('public'),
    mode: z.enum(DISCLOSURE_MODES, { error: '公开方式应为 主动公开/依申请公开/不予公开' }),
    withheldReason: z.string().trim().max(2000, '不予公开理由不超过 2000 字').nullable().default(null),
    level: z.enum(['county', 'township'], { error: '层级应为 县级 或 乡镇' }).default('county'),
  })
  .superRefine((entry, context) => {
    // 不予公开 needs its legal basis and its reason (DESIGN §1)
    if (entry.mode === 'withheld' && !entry.withheldReason) {
      context.addIssue({ code: 'custom', path: ['withheldReason'], message: '不予公开的事项须写明理由' });
    }
    if (entry.mode === 'proactive' && entry.channels.length === 0) {
      context.addIssue({ code: 'custom', path: ['channels'], message: '主动公开的事项须至少指定一个公开渠道' });
    }
    if (new Set(entry.channels).size !== entry.channels.length) {
      context.addIssue({ code: 'custom', path: ['channels'], message: '公开渠道重复' });
    }
    if (new Set(entry.requiredElements).size !== entry.requiredElements.length) {
      context.addIssue({ code: 'custom', path: ['requiredElements'], message: '必备要素重复' });
    }
  });
export type EntryInput = z.infer<typeof entryInputSchema>;

/** What the entry stores: the input with its parsed time limit, withheld reason only when withheld. */
export interface EntryValues extends Omit<EntryInput, 'timeLimitText'> {
  timeLimit: TimeLimit;
}

export function entryValuesOf(input: EntryInput): EntryValues {
  const { timeLimitText, ...rest } = input;
  return { ...rest, withheldReason: input.mode === 'withheld' ? input.withheldReason : null, timeLimit: parseTimeLimit(timeLimitText) };
}

/** True when two versions say the same thing (a re-import or a save without changes writes nothing). */
export function isSameEntry(a: EntryValues, b: EntryValues): boolean {
  const comparable = (v: EntryValues) =>
    JSON.stringify([
      v.code, v.name, v.domain, v.category, v.basis, v.content, v.requiredElements, v.departmentId, v.positionId,
      v.timeLimit.text, v.channels, v.audience, v.mode, v.withheldReason, v.level,
    ]);
  return comparable(a) === comparable(b);
}
