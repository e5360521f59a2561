// A year's holiday arrangement as an admin loads it (PUT /api/v1/calendar/:year): the official days off
// and the weekend days worked in lieu (调休上班), every one inside the year, none listed twice.
import { z } from 'zod';
import { dayOfWeek, ymdSchema, yearOf, type Ymd } from './ymd';

export const calendarYearSchema = z.coerce
  .number({ error: '年份应为 2000–2100 之间的整数' })
  .int('年份应为 2000–2100 之间的整数')
  .min(2000, '年份应为 2000–2100 之间的整数')
  .max(2100, '年份应为 2000–2100 之间的整数');

const days = z.array(ymdSchema, { error: '应为日期数组，如 ["2027-01-01"]' }).max(366, '一年最多 366 天');

export const arrangementBodySchema = z.strictObject(
  {
    holidays: days,
    workdays: days,
    source: z.string().trim().max(200, '来源说明不超过 200 字').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知字段：${issue.keys.join('、')}` : '请求体应为 {holidays, workdays}') },
);
export type ArrangementBody = z.infer<typeof arrangementBodySchema>;

/**
 * zh-CN problems keyed by field path (holidays.3, workdays.0): dates of another year, a day listed twice
 * or in both lists, a 调休上班 day that is not a weekend. Empty when the arrangement can be loaded.
 */
export function arrangementProblems(year: number, body: Pick<ArrangementBody, 'holidays' | 'workdays'>): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Map<Ymd, string>();
  for (const list of ['holidays', 'workdays'] as const) {
    body[list].forEach((day, index) => {
      const key = `${list}.${index}`;
      if (yearOf(day) !== year) {
        problems[key] = `${day} 不在 ${year} 年内`;
        return;
      }
      const earlier = seen.get(day);
      if (earlier) {
        problems[key] = earlier === list ? `${day} 重复出现` : `${day} 同时出现在放假和调休上班日期中`;
        return;
      }
      seen.set(day, list);
      const weekday = dayOfWeek(day);
      if (list === 'workdays' && weekday !== 0 && weekday !== 6) problems[key] = `${day} 是工作日，无需列为调休上班`;
    });
  }
  return problems;
}

/** What one day is made (PUT /api/v1/calendar/days/:date): 放假, 调休上班, or back to its weekday's rule. */
export const DAY_KINDS = ['holiday', 'workday', 'normal'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const calendarDayBodySchema = z.strictObject(
  {
    kind: z.enum(DAY_KINDS, { error: '类型应为 holiday（放假）、workday（调休上班）或 normal（普通）' }),
    /** The festival, e.g. 国庆节; kept with a holiday or 调休 day. */
    name: z.string().trim().max(20, '名称不超过 20 字').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知字段：${issue.keys.join('、')}` : '请求体应为 {kind, name?}') },
);
export type CalendarDayBody = z.infer<typeof calendarDayBodySchema>;

/** The day's kind in an arrangement: listed as a holiday, as a 调休 workday, or not at all. */
export function dayKindIn(arrangement: Pick<ArrangementBody, 'holidays' | 'workdays'>, day: Ymd): DayKind {
  if (arrangement.holidays.includes(day)) return 'holiday';
  if (arrangement.workdays.includes(day)) return 'workday';
  return 'normal';
}

/** The arrangement with one day made `kind` and every other day as it was, both lists in order. */
export function withDayKind(
  arrangement: Pick<ArrangementBody, 'holidays' | 'workdays'>,
  day: Ymd,
  kind: DayKind,
): Pick<ArrangementBody, 'holidays' | 'workdays'> {
  const holidays = arrangement.holidays.filter((d) => d !== day);
  const workdays = arrangement.workdays.filter((d) => d !== day);
  if (kind === 'holiday') holidays.push(day);
  if (kind === 'workday') workdays.push(day);
  return { holidays: holidays.sort(), workdays: workdays.sort() };
}
