import { describe, expect, it } from 'vitest';
import { countLiveAlert, type DailySeries } from './daily-live';
import { testAlert } from './test-alert';

const series = (): DailySeries => ({
  days: [
    { day: '2026-11-25', opened: 2, resolved: 1, resolvedManually: 0 },
    { day: '2026-11-26', opened: 0, resolved: 0, resolvedManually: 0 },
  ],
  asOfSeq: 50,
  counted: new Set(),
});

describe('countLiveAlert', () => {
  it('adds an opened alert to its Shanghai day, once', () => {
    // 2026-11-25T16:30Z is 00:30 on the 26th in Shanghai
    const alert = testAlert({ id: 9, seq: 51, openedAt: '2026-11-25T16:30:00.000Z' });
    const once = countLiveAlert(series(), alert, 'alert:opened');
    expect(once.days.map((d) => d.opened)).toEqual([2, 1]);
    expect(countLiveAlert(once, alert, 'alert:opened')).toBe(once);
  });

  it('adds a resolution to the day it happened, counting manual ones apart', () => {
    const alert = testAlert({
      id: 9,
      seq: 52,
      state: 'resolved',
      resolution: 'manual',
      resolvedAt: '2026-11-25T03:00:00.000Z',
      resolveReason: '已核实',
    });
    const next = countLiveAlert(series(), alert, 'alert:updated');
    expect(next.days[0]).toEqual({ day: '2026-11-25', opened: 2, resolved: 2, resolvedManually: 1 });
    expect(countLiveAlert(next, { ...alert, seq: 53 }, 'alert:updated')).toBe(next);
  });

  it('ignores what the fetched series holds, updates that resolve nothing, and days outside it', () => {
    const start = series();
    expect(countLiveAlert(start, testAlert({ id: 9, seq: 50, openedAt: '2026-11-26T01:00:00.000Z' }), 'alert:opened')).toBe(start);
    expect(countLiveAlert(start, testAlert({ id: 9, seq: 60, state: 'acknowledged' }), 'alert:updated')).toBe(start);
    expect(countLiveAlert(start, testAlert({ id: 9, seq: 61, openedAt: '2026-12-01T01:00:00.000Z' }), 'alert:opened')).toBe(start);
  });
});
