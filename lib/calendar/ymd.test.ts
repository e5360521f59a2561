import { describe, expect, it } from 'vitest';
import {
  addDaysToDay,
  dayFromParts,
  dayOfWeek,
  endOfShanghaiDay,
  fromDayNumber,
  requireDayNumber,
  shanghaiDayOf,
  startOfShanghaiDay,
  ymdSchema,
} from './ymd';

describe('ymdSchema', () => {
  it('accepts real calendar days', () => {
    expect(ymdSchema.safeParse('2026-02-28').success).toBe(true);
    expect(ymdSchema.safeParse('2024-02-29').success).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31'])('rejects %s, which does not exist', (day) => {
    const result = ymdSchema.safeParse(day);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('日期不存在');
  });

  it.each(['2026-2-3', '20260203', '2026-02-03T00:00', 'abc', ''])('rejects %j, which is not YYYY-MM-DD', (value) => {
    const result = ymdSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('日期格式应为 YYYY-MM-DD');
  });

  it('rejects a missing value with a zh-CN message', () => {
    expect(ymdSchema.safeParse(undefined).error?.issues[0]?.message).toBe('请输入日期，格式为 YYYY-MM-DD');
  });
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDaysToDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysToDay('2026-11-02', 28)).toBe('2026-11-30');
  });

  it('converts day numbers exactly as Date does, 1900 to 2100', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== day || requireDayNumber(day) !== n) expect(fromDayNumber(n)).toBe(day);
    }
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(() => requireDayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-09-20')).toBe(0);
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-11-02')).toBe(1);
  });

  it('clamps a day past the end of the month', () => {
    expect(dayFromParts(2026, 2, 29)).toBe('2026-02-28');
    expect(dayFromParts(2028, 2, 29)).toBe('2028-02-29');
    expect(dayFromParts(2026, 9, 31)).toBe('2026-09-30');
  });
});

describe('Asia/Shanghai conversions', () => {
  it('starts a day at 00:00 +08:00', () => {
    expect(startOfShanghaiDay('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-11-30').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('reads the Shanghai day of an instant, not the machine’s', () => {
    expect(shanghaiDayOf(new Date('2026-11-02T15:59:59.999Z'))).toBe('2026-11-02');
    expect(shanghaiDayOf(new Date('2026-11-02T16:00:00Z'))).toBe('2026-11-03');
    expect(shanghaiDayOf(new Date('2026-11-02T00:30:00+08:00'))).toBe('2026-11-02');
    expect(() => shanghaiDayOf(new Date('not a date'))).toThrow(RangeError);
  });
});
