import { describe, expect, it } from 'vitest';
import { addMonths, lastCompletePeriod, periodOf, periodOfDeadline, periodOptions, periodRange, periodsEndingWith } from './period';

describe('periods', () => {
  it('reads months in Asia/Shanghai and puts a deadline at 24:00 in its own month', () => {
    expect(periodOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(periodOfDeadline(new Date('2026-12-01T00:00:00+08:00'))).toBe('2026-11');
  });

  it('steps across years and gives [start, end) instants', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(periodsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodRange('2026-11')).toEqual({
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    });
  });
});

describe('the months leaders pick from', () => {
  const at = new Date('2026-12-07T10:00:00+08:00');

  it('lands on the last complete month', () => {
    expect(lastCompletePeriod(at)).toBe('2026-11');
    expect(lastCompletePeriod(new Date('2027-01-01T00:30:00+08:00'))).toBe('2026-12');
  });

  it('names the running month as in progress up to today, the others by their month', () => {
    expect(periodOptions(at, 3)).toEqual([
      { value: '2026-12', label: '本月（进行中，截至 12月7日）' },
      { value: '2026-11', label: '2026年11月' },
      { value: '2026-10', label: '2026年10月' },
    ]);
  });
});
