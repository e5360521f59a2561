import { describe, expect, it } from 'vitest';
import { fieldsFromZod } from '../http/errors';
import { parseWorkdaysQuery } from './workdays-query';

const parse = (query: string) => parseWorkdaysQuery(new URL(`http://localhost/api/v1/calendar/workdays?${query}`));
const fieldsOf = (query: string) => {
  const result = parse(query);
  return result.success ? null : fieldsFromZod(result.error);
};

describe('parseWorkdaysQuery', () => {
  it('accepts a real day and n in 1..365', () => {
    expect(parse('from=2026-09-30&n=1')).toMatchObject({ success: true, data: { from: '2026-09-30', n: 1 } });
    expect(parse('from=2026-01-01&n=365')).toMatchObject({ success: true, data: { n: 365 } });
  });

  it('names only the bad field, in zh-CN', () => {
    expect(fieldsOf('from=2026-02-30&n=5')).toEqual({ from: '日期不存在' });
    expect(fieldsOf('from=tomorrow&n=5')).toEqual({ from: '日期格式应为 YYYY-MM-DD' });
    expect(fieldsOf('n=5')).toEqual({ from: '请输入日期，格式为 YYYY-MM-DD' });
    expect(fieldsOf('from=2026-09-30&n=0')).toEqual({ n: 'n 必须是 1–365 之间的整数' });
  });

  it.each(['n=366', 'n=1.5', 'n=-3', 'n=abc', 'n=', 'n=1e2', ''])('refuses %j', (n) => {
    expect(fieldsOf(`from=2026-09-30&${n}`)).toEqual({ n: 'n 必须是 1–365 之间的整数' });
  });

  it('names both fields when both are bad', () => {
    expect(Object.keys(fieldsOf('from=2026-13-01&n=0') ?? {})).toEqual(['from', 'n']);
  });

  it('keeps from within the years a walk can handle', () => {
    expect(fieldsOf('from=9999-12-31&n=365')).toEqual({ from: '日期应在 1900–2100 年之间' });
  });
});
