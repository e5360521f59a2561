import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { makeCalendar } from '../calendar/calendar';
import { deadlineFinding, deadlineMessage, type OpenObligationSubject } from './deadline-rule';
import type { Rule } from './rule';

const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const rule = (id: number, kind: Rule['kind'], params: Record<string, unknown>, extra: Partial<Rule> = {}): Rule =>
  ({ id, kind, name: `r${id}`, scopeRegionCode: '320000', scopeDomain: null, scopeEntryId: null, params, level: 'yellow', enabled: true, version: 1, ...extra }) as Rule;

// formed 2026-11-02, 20 working days → due 2026-11-30 (DESIGN §1 worked example)
const obligation: OpenObligationSubject = {
  timeLimit: { kind: 'working_days_after', n: 20, text: '20个工作日' },
  anchorAt: new Date('2026-11-02T10:00:00+08:00'),
  regionPath: '320000.320100.320105',
  domain: 'environment',
  entryId: 7,
};


describe('deadlineMessage', () => {
  const facts = { entryName: '部门预算', dueDay: '2026-11-30' };

  it('says when the item is due (yellow)', () => {
    expect(deadlineMessage('yellow', facts)).toBe('临期：《部门预算》应于 2026-11-30 前公开');
  });

  it('says the limit has passed (orange), with the working days when known', () => {
    expect(deadlineMessage('orange', facts)).toBe('超期：《部门预算》已超过公开时限（应于 2026-11-30 前公开）');
    expect(deadlineMessage('orange', { ...facts, lateWorkingDays: 4 })).toBe(
      '超期：《部门预算》已超过公开时限 4 个工作日（应于 2026-11-30 前公开）',
    );
  });

  it('says how far past the limit it is (red)', () => {
    expect(deadlineMessage('red', { ...facts, lateWorkingDays: 10 })).toBe(
      '严重超期：《部门预算》超过时限 10 个工作日以上（应于 2026-11-30 前公开）',
    );
    expect(deadlineMessage('red', facts)).toBe('严重超期：《部门预算》严重超过公开时限（应于 2026-11-30 前公开）');
  });

  it('ignores a late count of zero', () => {
    expect(deadlineMessage('orange', { ...facts, lateWorkingDays: 0 })).toBe(deadlineMessage('orange', facts));
  });
});

describe('deadlineFinding', () => {
  const at = midnight('2026-11-24');

  it('is not yet yellow on 11-24 with 3 warning days, and yellow with 5', () => {
    const three = deadlineFinding([rule(1, 'deadline', { warnWorkingDays: 3, severeWorkingDays: 10 })], cal, obligation, at);
    const five = deadlineFinding([rule(1, 'deadline', { warnWorkingDays: 5, severeWorkingDays: 10 })], cal, obligation, at);
    expect(three.times?.warnAt).toEqual(midnight('2026-11-26'));
    expect(three.level).toBe('none');
    expect(five.times?.warnAt).toEqual(midnight('2026-11-24'));
    expect(five.level).toBe('yellow');
  });

  it('keeps the thresholds but finds nothing when the governing rule is switched off', () => {
    const off = deadlineFinding([rule(1, 'deadline', { warnWorkingDays: 5, severeWorkingDays: 10 }, { enabled: false })], cal, obligation, at);
    // a switched-off check still leaves the library's default deadline
    expect(off.times?.warnAt).toEqual(midnight('2026-11-26'));
    expect(off.level).toBe('none');
  });

  it('counts on weekends alone, provisionally, when the year is not loaded', () => {
    const finding = deadlineFinding([], makeCalendar({ holidays: [], workdays: [], years: [] }), obligation, at);
    expect(finding.times?.provisional).toBe(true);
  });
});
