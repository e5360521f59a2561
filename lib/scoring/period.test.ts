import { describe, expect, it } from 'vitest';
import { addMonths, periodOf, periodOfDeadline, periodRange, periodsEndingWith } from './period';

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
