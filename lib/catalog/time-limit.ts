// A catalog entry's 公开时限, structured so deadlines can be computed; `text` keeps the catalog's
// own wording for display and audit (DESIGN §1 Deadlines).
import { z } from 'zod';

/**
 * Periodic information (monthly statistics, quarterly reports…) is formed when its period closes,
 * so the statutory 20 working days of 《政府信息公开条例》 Art. 26 run from the period's end.
 */
export const PERIODIC_DEFAULT_WORKING_DAYS = 20;

export const TIME_LIMIT_PERIODS = ['month', 'quarter', 'half_year', 'year'] as const;
export type TimeLimitPeriod = (typeof TIME_LIMIT_PERIODS)[number];

const text = z.string({ error: '请填写公开时限原文' }).trim().max(500, '公开时限原文不超过 500 字');
const days = (min: number) =>
  z
    .number({ error: '天数必须是整数' })
    .int('天数必须是整数')
    .min(min, `天数不能小于 ${min}`)
    .max(365, '天数不能超过 365');

// 2 月 29 日 is allowed: a leap-day date falls back to 28 February in common years.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidMonthDay(month: number, day: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

export const timeLimitSchema = z.discriminatedUnion(
  'kind',
  [
    // N个工作日: Art. 26's 20 working days, 7 for 行政许可/行政处罚 decisions
    z.object({ kind: z.literal('working_days_after'), n: days(1), text }),
    // N日: calendar days, e.g. budgets 批准后20日内
    z.object({ kind: z.literal('calendar_days_after'), n: days(1), text }),
    // 实时: by the end of the working day the information is formed
    z.object({ kind: z.literal('same_day'), text }),
    // n working days into the period after the one covered; n = 0 means within the period itself
    // (半年至少更新1次)
    z.object({
      kind: z.literal('periodic'),
      period: z.enum(TIME_LIMIT_PERIODS, { error: '周期必须是 月/季度/半年/年' }),
      n: days(0).default(PERIODIC_DEFAULT_WORKING_DAYS),
      text,
    }),
    // a day of the year, e.g. the annual report 每年1月31日前 (Art. 49)
    z
      .object({
        kind: z.literal('fixed_date'),
        month: z.number().int().min(1, '月份应在 1–12 之间').max(12, '月份应在 1–12 之间'),
        day: z.number().int().min(1, '日期应在 1–31 之间').max(31, '日期应在 1–31 之间'),
        text,
      })
      .refine((v) => isValidMonthDay(v.month, v.day), { message: '该月没有这一天', path: ['day'] }),
    // 提前N日: out n calendar days before the item's event (a meeting, a hearing)
    z.object({ kind: z.literal('before_event'), n: days(0), text }),
    // 及时, 按进展, 长期公开, 永久公开: nothing to check until the office makes the entry measurable
    z.object({ kind: z.literal('unmeasurable'), text }),
  ],
  { error: '未知的公开时限类型' },
);

export type TimeLimit = z.infer<typeof timeLimitSchema>;
export type TimeLimitKind = TimeLimit['kind'];
