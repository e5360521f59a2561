import { describe, expect, it } from 'vitest';
import { formatElapsed } from './elapsed';

describe('formatElapsed', () => {
  it('counts seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatElapsed(0)).toBe('0 秒');
    expect(formatElapsed(35_999)).toBe('35 秒');
    expect(formatElapsed(60_000)).toBe('1 分 00 秒');
    expect(formatElapsed(125_000)).toBe('2 分 05 秒');
    expect(formatElapsed(3_600_000 + 2 * 60_000 + 59_000)).toBe('1 小时 02 分');
  });

  it('never goes below zero when clocks disagree', () => {
    expect(formatElapsed(-5_000)).toBe('0 秒');
  });
});
