import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { runClock } from './clock';
import { deadlineView } from './deadline-view';

const at = (local: string) => new Date(`${local}+08:00`);

function viewOf(from: Date, n: number) {
  const reading = runClock(cal, { limit: { kind: 'working_days', from, n } });
  return deadlineView({ start: from, limitText: `${n}个工作日`, thresholds: reading, explanation: reading.explanation });
}

describe('deadlineView', () => {
  it('explains DESIGN §1’s worked example: weekends skipped, due 11-30 24:00', () => {
    const view = viewOf(at('2026-11-02T10:00:00'), 20);
    expect(view.dueDay).toBe('2026-11-30');
    expect(view.explanation).toEqual([
      '时限：20个工作日',
      '2026-11-02 起算，当日不计；自 2026-11-03（周二） 起按工作日计算',
      '不计：2026-11-07 至 2026-11-08 周末（2 天）',
      '不计：2026-11-14 至 2026-11-15 周末（2 天）',
      '不计：2026-11-21 至 2026-11-22 周末（2 天）',
      '不计：2026-11-28 至 2026-11-29 周末（2 天）',
      '到期：2026-11-30 24:00 前',
      '临期提醒：2026-11-26 00:00 起',
      '严重超期：2026-12-15 00:00 起',
    ]);
  });

  it('names 中秋 and 国庆 and counts the 调休 working days across the National Day holiday', () => {
    const view = viewOf(at('2026-09-24T09:00:00'), 4);
    expect(view.dueDay).toBe('2026-10-08');
    expect(view.explanation).toEqual(
      expect.arrayContaining([
        '不计：2026-09-25 至 2026-09-27 中秋节假期（3 天）',
        '不计：2026-10-01 至 2026-10-07 国庆节假期（7 天）',
        '到期：2026-10-08 24:00 前',
      ]),
    );
    expect(view.skipped.filter((s) => s.reason === 'holiday')).toHaveLength(10);
  });

  it('says when the count is provisional, and has no warn line when there is no warn window', () => {
    const reading = runClock(cal, { limit: { kind: 'working_days', from: at('2026-12-28T09:00:00'), n: 20 }, warnWorkingDays: 0 });
    const view = deadlineView({ start: null, limitText: '20个工作日', thresholds: reading, explanation: reading.explanation });
    expect(view.provisional).toBe(true);
    expect(view.explanation.find((line) => line.startsWith('到期'))).toMatch(/暂按周末推算/);
    expect(view.explanation.some((line) => line.startsWith('临期提醒'))).toBe(false);
    expect(view.start).toBeNull();
  });

  it('lists the days in calendar order: the 调休 Saturday between 国庆 and the next weekend', () => {
    const view = viewOf(at('2026-09-28T10:00:00'), 13);
    expect(view.explanation.slice(2, 5)).toEqual([
      '不计：2026-10-01 至 2026-10-07 国庆节假期（7 天）',
      '计入：2026-10-10（周六） 调休上班',
      '不计：2026-10-11（周日） 周末',
    ]);
  });
});
