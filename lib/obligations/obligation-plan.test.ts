import { describe, expect, it } from 'vitest';
import { CALENDAR_2026 as cal } from '../calendar/calendar-2026.fixture';
import type { TimeLimit } from '../catalog/time-limit';
import { nextThresholdAfter } from '../deadlines/levels';
import type { Rule } from '../rules/rule';
import { deadlineParamsFor, isItemTriggered, itemAnchorProblem, planObligation } from './obligation-plan';

const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const twentyWorkingDays: TimeLimit = { kind: 'working_days_after', n: 20, text: '20个工作日' };
const formedAt = new Date('2026-11-02T10:00:00+08:00');

describe('planObligation', () => {
  it('opens DESIGN’s worked example at level none, next check at the warn time', () => {
    const plan = planObligation(cal, twentyWorkingDays, { formedAt }, {}, new Date('2026-11-02T11:00:00+08:00'));
    expect(plan).toEqual({
      times: { warnAt: midnight('2026-11-26'), dueAt: midnight('2026-12-01'), severeAt: midnight('2026-12-15'), dueDay: '2026-11-30', provisional: false },
      level: 'none',
      nextCheckAt: midnight('2026-11-26'),
    });
  });

  it('opens a late-reported obligation at the level it has reached, next check at the next threshold ahead', () => {
    const yellow = planObligation(cal, twentyWorkingDays, { formedAt }, {}, midnight('2026-11-27'));
    expect(yellow).toMatchObject({ level: 'yellow', nextCheckAt: midnight('2026-12-01') });
    const orange = planObligation(cal, twentyWorkingDays, { formedAt }, {}, midnight('2026-12-01'));
    expect(orange).toMatchObject({ level: 'orange', nextCheckAt: midnight('2026-12-15') });
    const red = planObligation(cal, twentyWorkingDays, { formedAt }, {}, midnight('2027-01-05'));
    expect(red).toMatchObject({ level: 'red', nextCheckAt: null });
  });

  it('agrees with nextThresholdAfter of lib/deadlines/levels.ts at every instant', () => {
    for (const day of ['2026-11-02', '2026-11-25', '2026-11-26', '2026-11-30', '2026-12-01', '2026-12-14', '2026-12-15']) {
      const plan = planObligation(cal, twentyWorkingDays, { formedAt }, {}, midnight(day))!;
      expect(plan.nextCheckAt).toEqual(nextThresholdAfter({ ...plan.times, fulfilledAt: null }, midnight(day)));
    }
  });

  it('uses the rule’s warn and severe working days', () => {
    const plan = planObligation(cal, twentyWorkingDays, { formedAt }, { warnWorkingDays: 5, severeWorkingDays: 1 }, formedAt);
    expect(plan?.times).toMatchObject({ warnAt: midnight('2026-11-24'), severeAt: midnight('2026-12-02') });
  });

  it('has nothing for an unmeasurable limit', () => {
    expect(planObligation(cal, { kind: 'unmeasurable', text: '及时' }, { formedAt }, {}, formedAt)).toBeNull();
  });
});

describe('deadlineParamsFor', () => {
  const rule = (id: number, scope: Partial<Rule>, params: { warnWorkingDays: number; severeWorkingDays: number }, enabled = true) =>
    ({
      id,
      kind: 'deadline',
      name: `rule ${id}`,
      scopeRegionCode: null,
      scopeDomain: null,
      scopeEntryId: null,
      level: 'yellow',
      enabled,
      version: 1,
      params,
      ...scope,
    }) as Rule;
  const subject = { regionPath: '320000.320100.320105', domain: 'budgets', entryId: 7 };

  it('takes the most specific rule, and the defaults when none applies or it is switched off', () => {
    const province = rule(1, { scopeRegionCode: '320000' }, { warnWorkingDays: 3, severeWorkingDays: 10 });
    const budgets = rule(2, { scopeRegionCode: '320000', scopeDomain: 'budgets' }, { warnWorkingDays: 5, severeWorkingDays: 10 });
    expect(deadlineParamsFor([province, budgets], subject)).toEqual({ warnWorkingDays: 5, severeWorkingDays: 10 });
    expect(deadlineParamsFor([], subject)).toEqual({});
    const off = rule(3, { scopeEntryId: 7 }, { warnWorkingDays: 1, severeWorkingDays: 1 }, false);
    expect(deadlineParamsFor([province, off], subject)).toEqual({});
  });
});

describe('item-triggered limits', () => {
  it('are the ones that run from an item', () => {
    expect(isItemTriggered(twentyWorkingDays)).toBe(true);
    expect(isItemTriggered({ kind: 'calendar_days_after', n: 20, text: '20日' })).toBe(true);
    expect(isItemTriggered({ kind: 'same_day', text: '实时' })).toBe(true);
    expect(isItemTriggered({ kind: 'before_event', n: 3, text: '提前3日' })).toBe(true);
    expect(isItemTriggered({ kind: 'periodic', period: 'month', n: 20, text: '每月' })).toBe(false);
    expect(isItemTriggered({ kind: 'unmeasurable', text: '及时' })).toBe(false);
  });

  it('need an eventAt for a before-event limit', () => {
    expect(itemAnchorProblem({ kind: 'before_event', n: 3, text: '会议召开前3日' }, {})).toMatch(/eventAt/);
    expect(itemAnchorProblem({ kind: 'before_event', n: 3, text: '会议召开前3日' }, { eventAt: formedAt })).toBeNull();
    expect(itemAnchorProblem(twentyWorkingDays, {})).toBeNull();
  });
});
