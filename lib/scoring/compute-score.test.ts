import { describe, expect, it } from 'vitest';
import { computeScore, isThinSample } from './compute-score';
import { addCase, emptyFacts, type FactRef, type SubjectFacts } from './facts';
import { DEFAULT_WEIGHTS, type IndicatorKey, type Weights } from './weights';

const ref = (id: number, kind: FactRef['kind'] = 'obligation'): FactRef => ({ kind, id, itemId: id, complaintId: null, label: `fact ${id}` });

function facts(cases: Partial<Record<IndicatorKey, [total: number, failedIds: number[]]>>, redIds: number[] = []): SubjectFacts {
  const result = emptyFacts();
  for (const [key, [total, failedIds]] of Object.entries(cases) as [IndicatorKey, [number, number[]]][]) {
    for (const id of failedIds) addCase(result, key, ref(id));
    for (let i = failedIds.length; i < total; i += 1) addCase(result, key, null);
  }
  result.redAlerts = redIds.map((id) => ref(id, 'alert'));
  return result;
}

// Two indicators with equal weight make the arithmetic easy to follow by hand.
const EVEN: Weights = {
  ...DEFAULT_WEIGHTS,
  indicators: { timeliness: 50, completeness: 50, complaintAccept: 0, complaintReply: 0, complaintSatisfaction: 0, alertResponse: 0, requestReply: 0 },
};

describe('computeScore', () => {
  it('gives 100 when every case passed', () => {
    const result = computeScore(facts({ timeliness: [10, []], completeness: [8, []] }), EVEN);
    expect(result).toMatchObject({ status: 'scored', total: 100, losses: [] });
  });

  it('takes an equal slice of an indicator’s share for each failed case and names each fact', () => {
    // timeliness 8 of 10 on time: 50 × 8/10 = 40; completeness 4 of 5: 50 × 4/5 = 40 → 80
    const result = computeScore(facts({ timeliness: [10, [1, 2]], completeness: [5, [3]] }), EVEN);
    expect(result.total).toBe(80);
    expect(result.losses).toEqual([
      { indicator: 'completeness', points: 10, ref: ref(3) },
      { indicator: 'timeliness', points: 5, ref: ref(1) },
      { indicator: 'timeliness', points: 5, ref: ref(2) },
    ]);
    const timeliness = result.indicators.find((i) => i.key === 'timeliness')!;
    expect(timeliness).toMatchObject({ status: 'scored', cases: 10, passed: 8, rate: 0.8, maxPoints: 50, points: 40, lostPoints: 10 });
  });

  it('shares the weight of an indicator with fewer than 5 cases among the others (样本不足)', () => {
    // completeness has 4 cases, all failed: not scored; timeliness carries the whole 100 → 9/10 = 90
    const result = computeScore(facts({ timeliness: [10, [1]], completeness: [4, [2, 3, 4, 5]] }), EVEN);
    expect(result.total).toBe(90);
    const completeness = result.indicators.find((i) => i.key === 'completeness')!;
    expect(completeness).toMatchObject({ status: 'insufficient', cases: 4, passed: 0, maxPoints: 0, points: 0 });
    expect(result.losses).toEqual([{ indicator: 'timeliness', points: 10, ref: ref(1) }]);
  });

  it('counts exactly 5 cases as enough', () => {
    const result = computeScore(facts({ timeliness: [10, []], completeness: [5, [9]] }), EVEN);
    expect(result.total).toBe(90);
  });

  it('renormalises the default weights when complaints and alerts have no cases', () => {
    // timeliness 30 and completeness 20 are the only scored weights: 100 × (30 × 0.5 + 20 × 1) / 50 = 70
    const result = computeScore(facts({ timeliness: [6, [1, 2, 3]], completeness: [7, []] }), DEFAULT_WEIGHTS);
    expect(result.total).toBe(70);
    expect(result.indicators.find((i) => i.key === 'timeliness')!.maxPoints).toBe(60);
    expect(result.indicators.filter((i) => i.status === 'none').map((i) => i.key)).toEqual([
      'complaintAccept',
      'complaintReply',
      'complaintSatisfaction',
      'alertResponse',
      'requestReply',
    ]);
  });

  it('weighs 依申请公开按时答复率 by default: a department with a late reply scores lower than one without', () => {
    // the default weights sum to 100; requestReply is one of them
    expect(Object.values(DEFAULT_WEIGHTS.indicators).reduce((sum, w) => sum + w, 0)).toBe(100);
    expect(DEFAULT_WEIGHTS.indicators.requestReply).toBe(10);
    const onTime = computeScore(facts({ timeliness: [10, []], requestReply: [5, []] }), DEFAULT_WEIGHTS);
    const oneLate = computeScore(facts({ timeliness: [10, []], requestReply: [5, [7]] }), DEFAULT_WEIGHTS);
    expect(onTime.total).toBe(100);
    // requestReply carries 100 × 10 / 40 = 25 points; one late reply of five costs a fifth of them
    expect(oneLate.total).toBe(95);
    expect(oneLate.losses).toEqual([{ indicator: 'requestReply', points: 5, ref: ref(7) }]);
  });

  it('leaves a month with fewer than 5 requests due out of the score (样本不足), late or not', () => {
    const result = computeScore(facts({ timeliness: [10, []], requestReply: [4, [1, 2]] }), DEFAULT_WEIGHTS);
    expect(result.total).toBe(100);
    expect(result.indicators.find((i) => i.key === 'requestReply')).toMatchObject({ status: 'insufficient', cases: 4, passed: 2, maxPoints: 0 });
  });

  it('deducts 2 points per red alert, up to the cap of 20', () => {
    const one = computeScore(facts({ timeliness: [10, [1]] }, [7]), EVEN);
    expect(one.total).toBe(88);
    expect(one.deductions).toEqual({ redAlerts: 1, points: 2, substantiatedComplaints: 0, substantiatedPoints: 0 });
    expect(one.losses[0]).toEqual({ indicator: 'timeliness', points: 10, ref: ref(1) });
    expect(one.losses[1]).toEqual({ indicator: 'red', points: 2, ref: ref(7, 'alert') });

    const many = computeScore(facts({ timeliness: [10, []] }, Array.from({ length: 12 }, (_, i) => 100 + i)), EVEN);
    expect(many.total).toBe(80);
    expect(many.deductions).toEqual({ redAlerts: 12, points: 20, substantiatedComplaints: 0, substantiatedPoints: 0 });
    expect(many.losses).toHaveLength(10);
  });

  it('deducts a fixed amount per substantiated complaint (投诉属实), each linked to its complaint', () => {
    const result = facts({ timeliness: [10, []] }, [7]);
    result.substantiatedComplaints = [{ kind: 'complaint', id: 41, itemId: null, complaintId: 41, label: '投诉属实' }];
    const score = computeScore(result, { ...EVEN, substantiatedPenalty: 5 });
    expect(score.total).toBe(93);
    expect(score.deductions).toEqual({ redAlerts: 1, points: 2, substantiatedComplaints: 1, substantiatedPoints: 5 });
    expect(score.losses[0]).toEqual({ indicator: 'substantiated', points: 5, ref: result.substantiatedComplaints[0] });
  });

  it('never goes below 0', () => {
    const result = computeScore(facts({ timeliness: [5, [1, 2, 3, 4, 5]] }, [8]), EVEN);
    expect(result.total).toBe(0);
  });

  it('has a null total when nothing was due at all', () => {
    const result = computeScore(facts({}), DEFAULT_WEIGHTS);
    expect(result).toMatchObject({ status: 'nothing_due', total: null, losses: [] });
    expect(result.indicators.every((i) => i.status === 'none' && i.rate === null)).toBe(true);
  });

  it('has a null total, not a misleading one, when every indicator has too few cases', () => {
    const result = computeScore(facts({ timeliness: [3, [1, 2, 3]], completeness: [2, []] }, [9]), DEFAULT_WEIGHTS);
    expect(result).toMatchObject({ status: 'insufficient_sample', total: null, losses: [] });
  });

  it('ignores an indicator whose weight is 0 even with many failures', () => {
    const result = computeScore(facts({ timeliness: [10, []], alertResponse: [10, [1, 2, 3]] }), EVEN);
    expect(result.total).toBe(100);
    expect(result.losses).toEqual([]);
  });
});

describe('isThinSample', () => {
  const of = (...statuses: ('scored' | 'insufficient' | 'none')[]) => statuses.map((status) => ({ status }));

  it('marks a total that rests on as many thin indicators as scored ones', () => {
    expect(isThinSample(of('scored', 'insufficient', 'insufficient', 'none'))).toBe(true);
    expect(isThinSample(of('scored', 'insufficient', 'none'))).toBe(true);
    expect(isThinSample(of('scored', 'scored', 'insufficient'))).toBe(false);
    expect(isThinSample(of('scored', 'none', 'none'))).toBe(false);
    expect(isThinSample(of('none', 'none'))).toBe(false);
  });
});
