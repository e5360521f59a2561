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
