import { describe, expect, it } from 'vitest';
import type { AlertSummary } from './alert-summary';
import { applyAlertChange, reconcileSummary, type CountedAlert, type ObservedChange } from './summary-counters';

const TOP = 3;

function summary(): AlertSummary {
  return {
    asOfSeq: 100,
    total: 6,
    byLevel: { yellow: 3, orange: 2, red: 1 },
    byState: { open: 4, acknowledged: 2 },
    byDomain: [
      { domain: 'budgets', total: 4, byLevel: { yellow: 2, orange: 1, red: 1 } },
      { domain: 'environment', total: 2, byLevel: { yellow: 1, orange: 1, red: 0 } },
    ],
    topDepartments: [
      { departmentId: 1, departmentName: '财政局', regionId: '320105', total: 4, byLevel: { yellow: 2, orange: 1, red: 1 } },
      { departmentId: 2, departmentName: '生态环境局', regionId: '320105', total: 2, byLevel: { yellow: 1, orange: 1, red: 0 } },
    ],
  };
}

const alert = (overrides: Partial<CountedAlert> & Pick<CountedAlert, 'seq'>): CountedAlert => ({
  id: 7,
  level: 'yellow',
  state: 'open',
  domain: 'environment',
  departmentId: 2,
  departmentName: '生态环境局',
  regionId: '320105',
  ...overrides,
});

describe('applyAlertChange', () => {
  it('leaves out an alert the wall’s filter does not match, and counts it once it does', () => {
    const outside = alert({ seq: 101, isOutsideFilter: true });
    expect(applyAlertChange(summary(), { seq: 101, before: null, after: outside }, TOP).summary.total).toBe(6);
    // a search now matches it (its message changed): it enters the counts as if newly opened
    const { summary: next } = applyAlertChange(summary(), { seq: 102, before: outside, after: alert({ seq: 102 }) }, TOP);
    expect(next.total).toBe(7);
    expect(next.byLevel.yellow).toBe(4);
  });

  it('counts a newly opened alert in its level, state, domain and department', () => {
    const { summary: next, isExact } = applyAlertChange(summary(), { seq: 101, before: null, after: alert({ seq: 101 }) }, TOP);
    expect(isExact).toBe(true);
    expect(next.total).toBe(7);
    expect(next.byLevel).toEqual({ yellow: 4, orange: 2, red: 1 });
    expect(next.byState).toEqual({ open: 5, acknowledged: 2 });
    expect(next.byDomain.find((d) => d.domain === 'environment')).toMatchObject({ total: 3, byLevel: { yellow: 2 } });
    expect(next.topDepartments.find((d) => d.departmentId === 2)!.total).toBe(3);
  });

  it('moves an alert between levels and states without changing the total', () => {
    const before = alert({ seq: 90, level: 'orange' });
    const after = alert({ seq: 102, level: 'red', state: 'acknowledged' });
    const { summary: next } = applyAlertChange(summary(), { seq: 102, before, after }, TOP);
    expect(next.total).toBe(6);
    expect(next.byLevel).toEqual({ yellow: 3, orange: 1, red: 2 });
    expect(next.byState).toEqual({ open: 3, acknowledged: 3 });
  });

  it('takes a resolved alert out of every count and re-ranks departments', () => {
    let current = summary();
    for (const [seq, level] of [
      [103, 'yellow'],
      [104, 'yellow'],
      [105, 'orange'],
    ] as const) {
      current = applyAlertChange(
        current,
        { seq, before: alert({ seq: 1, id: seq, departmentId: 1, domain: 'budgets', level }), after: alert({ seq, id: seq, departmentId: 1, domain: 'budgets', level, state: 'resolved' }) },
        TOP,
      ).summary;
    }
    expect(current.total).toBe(3);
    expect(current.byDomain.find((d) => d.domain === 'budgets')!.total).toBe(1);
    expect(current.topDepartments.map((d) => [d.departmentId, d.total])).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });

  it('ignores a change the fetched counts already contain', () => {
    const start = summary();
    expect(applyAlertChange(start, { seq: 100, before: null, after: alert({ seq: 100 }) }, TOP)).toEqual({ summary: start, isExact: true });
  });

  it('is not exact when the previous state is unknown', () => {
    expect(applyAlertChange(summary(), { seq: 106, before: undefined, after: alert({ seq: 106 }) }, TOP).isExact).toBe(false);
  });

  it('adds a department to a ranking with room, and is not exact when a full ranking may change', () => {
    const added = applyAlertChange(summary(), { seq: 107, before: null, after: alert({ seq: 107, departmentId: 99, departmentName: '司法局' }) }, TOP);
    expect(added.isExact).toBe(true);
    expect(added.summary.topDepartments.map((d) => [d.departmentId, d.total])).toEqual([
      [1, 4],
      [2, 2],
      [99, 1],
    ]);
    // the ranking is full now: a fourth department's count outside it is unknown
    const full = applyAlertChange(added.summary, { seq: 108, before: null, after: alert({ seq: 108, departmentId: 98 }) }, TOP);
    expect(full.isExact).toBe(false);
    expect(full.summary.total).toBe(8);
    const shrinking = applyAlertChange(added.summary, { seq: 109, before: alert({ seq: 1, departmentId: 99 }), after: alert({ seq: 109, departmentId: 99, state: 'resolved' }) }, TOP);
    expect(shrinking.isExact).toBe(false);
    expect(shrinking.summary.topDepartments.map((d) => d.departmentId)).toEqual([1, 2]);
  });

  it('adds the domain "other" when an alert without a domain arrives', () => {
    const { summary: next } = applyAlertChange(summary(), { seq: 110, before: null, after: alert({ seq: 110, domain: null }) }, TOP);
    expect(next.byDomain.find((d) => d.domain === 'other')).toMatchObject({ total: 1 });
  });
});

describe('reconcileSummary', () => {
  it('replays on fetched counts only the changes newer than their snapshot, in seq order', () => {
    const log: ObservedChange[] = [
      { seq: 112, before: alert({ seq: 111 }), after: alert({ seq: 112, state: 'resolved' }) },
      { seq: 101, before: null, after: alert({ seq: 101, id: 8 }) },
      { seq: 111, before: null, after: alert({ seq: 111 }) },
    ];
    const fetched = { ...summary(), asOfSeq: 110, total: 7 };
    const { summary: next, log: kept, isExact } = reconcileSummary(fetched, log, TOP);
    // 101 is in the snapshot; 111 opens alert 7 and 112 resolves it
    expect(kept.map((change) => change.seq)).toEqual([111, 112]);
    expect(next.total).toBe(7);
    expect(isExact).toBe(true);
  });

  it('asks for another fetch when a change it must replay has an unknown previous state', () => {
    const log: ObservedChange[] = [{ seq: 120, before: undefined, after: alert({ seq: 120 }) }];
    expect(reconcileSummary(summary(), log, TOP).isExact).toBe(false);
  });
});
