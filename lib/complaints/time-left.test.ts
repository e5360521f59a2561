import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left';

const due = '2026-11-04T00:00:00+08:00';
const before = (ms: number) => Date.parse(due) - ms;

describe('SLA countdown', () => {
  it('days and hours beyond a day', () => {
    expect(timeLeft(due, before(2 * 86_400_000 + 3 * 3_600_000 + 59_000))).toEqual({ text: '剩余 2 天 3 小时', isOverdue: false });
    expect(timeLeft(due, before(86_400_000))).toEqual({ text: '剩余 1 天', isOverdue: false });
  });

  it('hours and minutes within a day', () => {
    expect(timeLeft(due, before(5 * 3_600_000 + 12 * 60_000))).toEqual({ text: '剩余 5 小时 12 分', isOverdue: false });
    expect(timeLeft(due, before(30_000))).toEqual({ text: '剩余 1 分钟', isOverdue: false });
  });

  it('how long ago it passed', () => {
    expect(timeLeft(due, before(0))).toMatchObject({ text: '已超时 1 分钟', isOverdue: true });
    expect(timeLeft(due, before(-(3 * 86_400_000 + 2 * 3_600_000)))).toEqual({ text: '已超时 3 天 2 小时', isOverdue: true });
  });
});
