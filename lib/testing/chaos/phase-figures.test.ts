import { describe, expect, it } from 'vitest';
import { computePhaseFigures, missedGoals, percentile, type SentItem, type StoredAlert } from './phase-figures';
import type { SeenAlert } from './supervisor-socket';

const sentItem = (n: number, overrides: Partial<SentItem> = {}): SentItem => ({
  externalId: `x-${n}`,
  expectsAlert: true,
  kind: 'accepted',
  itemId: n,
  failedOver: false,
  sentAt: 1_000 + n * 10,
  answeredAt: 1_005 + n * 10,
  ...overrides,
});

const stored = (n: number, overrides: Partial<StoredAlert> = {}): StoredAlert => ({
  id: 100 + n,
  ruleKind: 'completeness',
  subjectType: 'item',
  subjectId: n,
  itemId: n,
  externalId: `x-${n}`,
  state: 'open',
  ...overrides,
});

const seenAlert = (n: number, at: number, overrides: Partial<SeenAlert> = {}): [number, SeenAlert] => [
  100 + n,
  { id: 100 + n, itemId: n, ruleKind: 'completeness', firstSeenAt: at, firstVia: 'push', openedPushes: 1, ...overrides },
];

const base = { skipped: 0, storedExternalIds: new Set<string>(), unplannedExits: 0 };

describe('computePhaseFigures', () => {
  it('meets every goal when each accepted incomplete item has one alert the socket saw', () => {
    const figures = computePhaseFigures({
      ...base,
      sent: [sentItem(1), sentItem(2), sentItem(3, { expectsAlert: false })],
      alerts: [stored(1), stored(2)],
      seen: new Map([seenAlert(1, 1_100), seenAlert(2, 1_150)]),
      faultStartedAt: 1_015,
      faultEndedAt: 1_015,
    });
    expect(figures).toMatchObject({ accepted: 3, lostUnchecked: 0, lostUndelivered: 0, duplicatedOpenedPushes: 0, unexpectedAlerts: 0 });
    // item 2 was sent at 1,020, after the fault ended at 1,015; its alert arrived at 1,150
    expect(figures.recoveryMs).toBe(135);
    expect(missedGoals(figures)).toEqual([]);
  });

  it('counts an unchecked item, an alert never delivered and a second alert:opened push apart', () => {
    const figures = computePhaseFigures({
      ...base,
      sent: [sentItem(1), sentItem(2), sentItem(3)],
      alerts: [stored(1), stored(2)],
      seen: new Map([seenAlert(1, 1_100, { openedPushes: 2 })]),
      faultStartedAt: 0,
      faultEndedAt: 0,
    });
    expect(figures.lostUnchecked).toBe(1);
    expect(figures.lostExamples).toEqual(['x-3']);
    expect(figures.lostUndelivered).toBe(1);
    expect(figures.duplicatedOpenedPushes).toBe(1);
    expect(missedGoals(figures)).toEqual(['2 lost (1 unchecked, 1 never delivered)', '1 duplicated (0 unresolved twice, 1 pushed twice)']);
  });

  it('counts a second unresolved alert of one rule kind and subject, and an alert on a complete item as unexpected', () => {
    const figures = computePhaseFigures({
      ...base,
      sent: [sentItem(1), sentItem(2, { expectsAlert: false })],
      alerts: [stored(1), stored(1, { id: 150 }), stored(2), stored(1, { id: 160, state: 'resolved' })],
      seen: new Map([seenAlert(1, 1_100), [150, { ...seenAlert(1, 1_100)[1], id: 150 }], seenAlert(2, 1_100), [160, { ...seenAlert(1, 1)[1], id: 160 }]]),
      faultStartedAt: 0,
      faultEndedAt: 0,
    });
    expect(figures.duplicatedUnresolved).toBe(1);
    expect(figures.unexpectedAlerts).toBe(1);
  });

  it('reports no recovery when nothing sent after the fault reached the socket, and sorts the bad answers out', () => {
    const figures = computePhaseFigures({
      ...base,
      sent: [sentItem(1), sentItem(2, { kind: 'hang', itemId: null }), sentItem(3, { kind: 'clear_503', itemId: null })],
      alerts: [stored(1)],
      seen: new Map([seenAlert(1, 1_100)]),
      storedExternalIds: new Set(['x-1', 'x-2']),
      faultStartedAt: 1_000,
      faultEndedAt: 5_000,
    });
    expect(figures.recoveryMs).toBeNull();
    expect(figures.storedUnacknowledged).toBe(1);
    expect(figures.answers).toMatchObject({ accepted: 1, hang: 1, clear_503: 1 });
    // the hang was posted at 1,020, 20 ms after the fault started
    expect(figures.badAnswersSentBetweenMs).toEqual([20, 20]);
    expect(missedGoals(figures)).toEqual(['never recovered', '1 × hang']);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([], 95)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
  });
});
