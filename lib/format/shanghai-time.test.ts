import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatCount, formatDay, formatDayTime, formatFullTime, formatTime } from './shanghai-time';

describe('Shanghai display times', () => {
  // 2026-11-26 16:00:05 UTC is 2026-11-27 00:00:05 in Beijing: the day turns over, and midnight reads 00, not 24
  const midnight = '2026-11-26T16:00:05.000Z';

  it('print every instant in Asia/Shanghai whatever the process zone', () => {
    expect(formatTime(midnight)).toBe('2026-11-27 00:00');
    expect(formatDay(midnight)).toBe('2026-11-27');
    expect(formatFullTime(midnight)).toBe('2026-11-27 00:00:05');
    expect(formatDayTime(midnight)).toBe('11-27 00:00');
    expect(formatClock(Date.parse(midnight))).toBe('00:00:05');
    expect(formatTime(new Date('2026-01-05T01:02:00+08:00'))).toBe('2026-01-05 01:02');
  });

  it('show a dash for a missing time', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatDay(undefined)).toBe('—');
    expect(formatTime('')).toBe('—');
  });

  it('say how long ago, then the day and time beyond a day', () => {
    const now = Date.parse(midnight);
    expect(formatAge(new Date(now - 30_000), now)).toBe('刚刚');
    expect(formatAge(new Date(now - 5 * 60_000), now)).toBe('5 分钟前');
    expect(formatAge(new Date(now - 3 * 3_600_000), now)).toBe('3 小时前');
    expect(formatAge(new Date(now - 2 * 86_400_000), now)).toBe('11-25 00:00');
    expect(formatAge(new Date(now + 60_000), now)).toBe('刚刚');
  });

  it('group thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
