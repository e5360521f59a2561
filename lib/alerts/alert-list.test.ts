import { describe, expect, it } from 'vitest';
import { appendPage, highestSeq, mergeById, mergeLiveAlert, pruneLeftRows, type AlertListState } from './alert-list';
import { testAlert } from './test-alert';

const unresolved = { state: 'unresolved' as const };
const ids = (state: AlertListState) => state.rows.map((row) => row.alert.id);

describe('mergeById', () => {
  it('keeps one entry per id, the one with the highest seq, newest opened first', () => {
    const merged = mergeById(
      [testAlert({ id: 1, seq: 5 }), testAlert({ id: 2, seq: 7, state: 'acknowledged' })],
      [testAlert({ id: 2, seq: 6 }), testAlert({ id: 1, seq: 9, level: 'red' }), testAlert({ id: 3, seq: 8 })],
    );
    expect(merged.map((alert) => [alert.id, alert.seq])).toEqual([
      [3, 8],
      [2, 7],
      [1, 9],
    ]);
    expect(merged.find((alert) => alert.id === 2)!.state).toBe('acknowledged');
  });
});

describe('the wall list', () => {
  const firstPage = appendPage({ rows: [], hasMore: false }, [30, 20, 10].map((id) => testAlert({ id, seq: id })), true);

  it('puts a new alert at the top', () => {
    const { state, outcome } = mergeLiveAlert(firstPage, testAlert({ id: 40, seq: 41 }), unresolved, 0);
    expect(outcome).toBe('inserted');
    expect(ids(state)).toEqual([40, 30, 20, 10]);
  });

  it('replaces a row with a newer state and ignores an older or equal one', () => {
    const newer = mergeLiveAlert(firstPage, testAlert({ id: 20, seq: 50, state: 'acknowledged' }), unresolved, 0);
    expect(newer.outcome).toBe('updated');
    expect(newer.state.rows[1]!.alert.state).toBe('acknowledged');
    // a late delivery of an earlier change must not undo it
    const late = mergeLiveAlert(newer.state, testAlert({ id: 20, seq: 45 }), unresolved, 0);
    expect(late.outcome).toBe('stale');
    expect(late.state).toBe(newer.state);
    expect(mergeLiveAlert(newer.state, testAlert({ id: 20, seq: 50 }), unresolved, 0).outcome).toBe('stale');
  });

  it('reports a level that rose, so the row can flash', () => {
    const { outcome } = mergeLiveAlert(firstPage, testAlert({ id: 30, seq: 60, level: 'red' }), unresolved, 0);
    expect(outcome).toBe('escalated');
  });

  it('keeps a row that stopped matching for a grace period, marked, then drops it', () => {
    const resolved = mergeLiveAlert(firstPage, testAlert({ id: 20, seq: 70, state: 'resolved' }), unresolved, 1_000);
    expect(resolved.outcome).toBe('left');
    expect(resolved.state.rows[1]).toMatchObject({ leftAt: 1_000, alert: { state: 'resolved' } });
    expect(pruneLeftRows(resolved.state, 10_000, 20_000)).toBe(resolved.state);
    expect(ids(pruneLeftRows(resolved.state, 21_000, 20_000))).toEqual([30, 10]);
  });

  it('takes an alert that arrives inside the loaded window, and leaves one below it to paging', () => {
    const inside = mergeLiveAlert(firstPage, testAlert({ id: 25, seq: 80 }), unresolved, 0);
    expect(inside.outcome).toBe('inserted');
    expect(ids(inside.state)).toEqual([30, 25, 20, 10]);
    // id 5 lies below the last loaded row while more pages exist: "加载更多" will bring it
    expect(mergeLiveAlert(firstPage, testAlert({ id: 5, seq: 81 }), unresolved, 0).outcome).toBe('outside');
    // once everything is loaded, the window is the whole list
    const complete = { ...firstPage, hasMore: false };
    expect(ids(mergeLiveAlert(complete, testAlert({ id: 5, seq: 81 }), unresolved, 0).state)).toEqual([30, 20, 10, 5]);
  });

  it('leaves out an alert that does not match the filter', () => {
    expect(mergeLiveAlert(firstPage, testAlert({ id: 40, seq: 41, level: 'yellow' }), { level: 'red' }, 0).outcome).toBe('outside');
    expect(mergeLiveAlert(firstPage, testAlert({ id: 40, seq: 41, state: 'resolved' }), unresolved, 0).outcome).toBe('outside');
  });

  it('appends a page below the rows, keeping a live state newer than the page', () => {
    const live = mergeLiveAlert(firstPage, testAlert({ id: 10, seq: 90, state: 'acknowledged' }), unresolved, 0).state;
    const next = appendPage(live, [testAlert({ id: 10, seq: 10 }), testAlert({ id: 9, seq: 9 }), testAlert({ id: 8, seq: 8 })], false);
    expect(ids(next)).toEqual([30, 20, 10, 9, 8]);
    expect(next.rows[2]!.alert.seq).toBe(90);
    expect(next.hasMore).toBe(false);
  });

  it('finds the highest seq to catch up from', () => {
    expect(highestSeq([testAlert({ id: 1, seq: 3 }), testAlert({ id: 2, seq: 11 })], 7)).toBe(11);
    expect(highestSeq([], 7)).toBe(7);
  });
});
