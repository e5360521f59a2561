import { describe, expect, it } from 'vitest';
import { formatCount, formatLoadProgress, formatRate, loadFraction, progressBar, type LoadProgress } from './progress';

const at = (p: Partial<LoadProgress>): LoadProgress => ({
  items: 0,
  events: 0,
  obligations: 0,
  itemsExpected: 1_000_000,
  elapsedMs: 0,
  done: false,
  ...p,
});

describe('load progress', () => {
  it('formats counts and rates with thousands separators', () => {
    expect(formatCount(998_676)).toBe('998,676');
    expect(formatRate(1_000_000, 40_000)).toBe('25,000 行/秒');
    expect(formatRate(10, 0)).toBe('0 行/秒');
  });

  it('draws a bar of fixed width, clamped to 0..1', () => {
    expect(progressBar(0, 10)).toBe('[░░░░░░░░░░]');
    expect(progressBar(0.5, 10)).toBe('[█████░░░░░]');
    expect(progressBar(1.7, 10)).toBe('[██████████]');
    expect(progressBar(Number.NaN, 4)).toBe('[░░░░]');
  });

  it('never shows 100% before the load has ended, even past the estimate', () => {
    expect(loadFraction(at({ items: 500_000 }))).toBe(0.5);
    expect(loadFraction(at({ items: 1_020_000 }))).toBeLessThan(1);
    expect(loadFraction(at({ items: 998_676, done: true }))).toBe(1);
  });

  it('shows counts, rate and, once the rate means something, the time left', () => {
    const early = formatLoadProgress(at({ items: 144, elapsedMs: 1200 }));
    expect(early).not.toMatch(/约剩/);
    const mid = formatLoadProgress(at({ items: 500_000, events: 960_000, obligations: 490_000, elapsedMs: 50_000 }));
    expect(mid).toMatch(/50\.0% 公开信息 500,000\/~1,000,000/);
    expect(mid).toMatch(/过程事件 960,000 · 公开义务 490,000 · 10,000 条公开信息\/秒 · 约剩 50 秒/);
    const done = formatLoadProgress(at({ items: 998_676, elapsedMs: 100_000, done: true }));
    expect(done).toMatch(/100\.0% 公开信息 998,676\/998,676/);
    expect(done).not.toMatch(/约剩/);
  });
});
