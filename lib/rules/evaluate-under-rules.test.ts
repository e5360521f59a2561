import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import { makeCalendar } from '../calendar/calendar';
import { deadlineFindingUnder, itemFindsUnder, tallyRuleChange, type JudgedItem, type OpenObligationSubject } from './evaluate-under-rules';
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

describe('deadlineFindingUnder', () => {
  const at = midnight('2026-11-24');

  it('is not yet yellow on 11-24 with 3 warning days, and yellow with 5', () => {
    const three = deadlineFindingUnder([rule(1, 'deadline', { warnWorkingDays: 3, severeWorkingDays: 10 })], cal, obligation, at);
    const five = deadlineFindingUnder([rule(1, 'deadline', { warnWorkingDays: 5, severeWorkingDays: 10 })], cal, obligation, at);
    expect(three.times?.warnAt).toEqual(midnight('2026-11-26'));
    expect(three.level).toBe('none');
    expect(five.times?.warnAt).toEqual(midnight('2026-11-24'));
    expect(five.level).toBe('yellow');
  });

  it('keeps the thresholds but finds nothing when the governing rule is switched off', () => {
    const off = deadlineFindingUnder([rule(1, 'deadline', { warnWorkingDays: 5, severeWorkingDays: 10 }, { enabled: false })], cal, obligation, at);
    // a switched-off check still leaves the library's default deadline
    expect(off.times?.warnAt).toEqual(midnight('2026-11-26'));
    expect(off.level).toBe('none');
  });

  it('counts on weekends alone, provisionally, when the year is not loaded', () => {
    const finding = deadlineFindingUnder([], makeCalendar({ holidays: [], workdays: [], years: [] }), obligation, at);
    expect(finding.times?.provisional).toBe(true);
  });
});

describe('itemFindsUnder', () => {
  const item: JudgedItem = {
    regionPath: '320000.320100.320105',
    domain: 'environment',
    entryId: 7,
    orgCode: '013050001',
    departmentName: '南京市建邺区生态环境局',
    requiredElements: ['summary'],
    requiredChannels: ['website', 'open_platform'],
    channels: ['website'],
    indexNo: '013050001/2026-00001',
    publisher: '南京市建邺区生态环境局',
    summary: null,
    body: '正文',
    attachments: [],
    fields: {},
    formedAt: new Date('2026-11-02T10:00:00+08:00'),
    publishedAt: new Date('2026-11-03T10:00:00+08:00'),
    withdrawnAt: null,
  };

  it('finds a missing element and a missing channel while the rules are on, nothing once off', () => {
    const on = [rule(2, 'completeness', {}), rule(3, 'channel', {})];
    expect(itemFindsUnder(on, 'completeness', item)).toBe(true);
    expect(itemFindsUnder(on, 'channel', item)).toBe(true);
    const off = [rule(2, 'completeness', {}, { enabled: false }), rule(3, 'channel', {}, { enabled: false })];
    expect(itemFindsUnder(off, 'completeness', item)).toBe(false);
    expect(itemFindsUnder(off, 'channel', item)).toBe(false);
  });

  it('does not judge an unpublished item', () => {
    expect(itemFindsUnder([rule(2, 'completeness', {})], 'completeness', { ...item, publishedAt: null })).toBe(false);
  });
});

describe('tallyRuleChange', () => {
  it('counts opens and resolves per department, the most affected first', () => {
    const effect = tallyRuleChange([
      { departmentId: 1, hasAlert: false, findsAfter: true },
      { departmentId: 2, hasAlert: true, findsAfter: false },
      { departmentId: 2, hasAlert: false, findsAfter: true },
      { departmentId: 3, hasAlert: true, findsAfter: true },
      { departmentId: 3, hasAlert: false, findsAfter: false },
    ]);
    expect(effect).toEqual({
      wouldOpen: 2,
      wouldResolve: 1,
      departments: [
        { departmentId: 2, wouldOpen: 1, wouldResolve: 1 },
        { departmentId: 1, wouldOpen: 1, wouldResolve: 0 },
      ],
    });
  });
});
