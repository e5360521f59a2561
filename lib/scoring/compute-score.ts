// The score of one department or position for one month (DESIGN §1 考核), a pure function of its facts.
//
// Each indicator with enough cases earns its share of 100 points in proportion to the cases that passed;
// every failed case costs an equal slice of that share and names the fact behind it. An indicator with
// fewer than `minCases` cases shows 样本不足 and its weight is shared among the others (renormalising),
// instead of a misleading 100% or 0%. Red alerts are deducted after that, up to a cap, and each substantiated
// complaint (投诉属实) costs its own fixed deduction. When no indicator
// has enough cases the total is null: ranked last and shown as —.
import type { FactRef, SubjectFacts } from './facts';
import { INDICATOR_KEYS, INDICATOR_LABELS, type IndicatorKey, type Weights } from './weights';

export type IndicatorStatus = 'scored' | 'insufficient' | 'none';
export type ScoreStatus = 'scored' | 'insufficient_sample' | 'nothing_due';

export interface IndicatorResult {
  key: IndicatorKey;
  label: string;
  status: IndicatorStatus;
  cases: number;
  passed: number;
  /** passed / cases, 0–1; null when there were no cases. */
  rate: number | null;
  /** The configured weight. */
  weight: number;
  /** Points this indicator could earn after sharing out the weights of the others (0 when not scored). */
  maxPoints: number;
  points: number;
  lostPoints: number;
}

export interface Loss {
  indicator: IndicatorKey | 'red' | 'substantiated';
  points: number;
  ref: FactRef;
}

export interface ScoreResult {
  status: ScoreStatus;
  /** 0–100, two decimals; null when nothing could be scored. */
  total: number | null;
  indicators: IndicatorResult[];
  /**
   * points: the red alerts' deduction. The substantiated-complaint fields are absent from breakdowns stored
   * before they existed.
   */
  deductions: { redAlerts: number; points: number; substantiatedComplaints?: number; substantiatedPoints?: number };
  /** Every point lost, largest first; each names the fact that cost it. */
  losses: Loss[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function statusOf(cases: number, minCases: number): IndicatorStatus {
  if (cases === 0) return 'none';
  return cases < minCases ? 'insufficient' : 'scored';
}

export function computeScore(facts: SubjectFacts, weights: Weights): ScoreResult {
  const base = INDICATOR_KEYS.map((key) => {
    const { cases, failed } = facts.indicators[key];
    const passed = cases - failed.length;
    return { key, cases, passed, failed, weight: weights.indicators[key], status: statusOf(cases, weights.minCases) };
  });
  const scoredWeight = base.filter((i) => i.status === 'scored').reduce((sum, i) => sum + i.weight, 0);
  const canScore = scoredWeight > 0;

  const losses: Loss[] = [];
  const indicators: IndicatorResult[] = base.map((i) => {
    const maxPoints = canScore && i.status === 'scored' ? (100 * i.weight) / scoredWeight : 0;
    const perCase = i.cases > 0 ? maxPoints / i.cases : 0;
    if (maxPoints > 0) for (const ref of i.failed) losses.push({ indicator: i.key, points: round2(perCase), ref });
    return {
      key: i.key,
      label: INDICATOR_LABELS[i.key],
      status: i.status,
      cases: i.cases,
      passed: i.passed,
      rate: i.cases > 0 ? i.passed / i.cases : null,
      weight: i.weight,
      maxPoints: round2(maxPoints),
      points: round2(perCase * i.passed),
      lostPoints: round2(perCase * (i.cases - i.passed)),
    };
  });

  if (!canScore) {
    const anyCases = base.some((i) => i.cases > 0);
    return {
      status: anyCases ? 'insufficient_sample' : 'nothing_due',
      total: null,
      indicators,
      deductions: { redAlerts: facts.redAlerts.length, points: 0, substantiatedComplaints: facts.substantiatedComplaints.length, substantiatedPoints: 0 },
      losses: [],
    };
  }

  let capLeft = weights.redPenaltyCap;
  let redPoints = 0;
  for (const ref of facts.redAlerts) {
    const points = Math.min(weights.redPenalty, capLeft);
    capLeft -= points;
    redPoints += points;
    if (points > 0) losses.push({ indicator: 'red', points: round2(points), ref });
  }
  let substantiatedPoints = 0;
  for (const ref of facts.substantiatedComplaints) {
    substantiatedPoints += weights.substantiatedPenalty;
    if (weights.substantiatedPenalty > 0) losses.push({ indicator: 'substantiated', points: round2(weights.substantiatedPenalty), ref });
  }
  const earned = base.reduce((sum, i) => {
    const maxPoints = i.status === 'scored' ? (100 * i.weight) / scoredWeight : 0;
    return sum + (i.cases > 0 ? (maxPoints * i.passed) / i.cases : 0);
  }, 0);
  const total = round2(Math.min(100, Math.max(0, earned - redPoints - substantiatedPoints)));
  losses.sort((a, b) => b.points - a.points);
  const deductions = {
    redAlerts: facts.redAlerts.length,
    points: round2(redPoints),
    substantiatedComplaints: facts.substantiatedComplaints.length,
    substantiatedPoints: round2(substantiatedPoints),
  };
  return { status: 'scored', total, indicators, deductions, losses };
}

/**
 * 样本不足为主: at least as many indicators had too few cases as were scored (and some were thin), so the
 * total — often 100 early in a month — rests on one or two indicators. The league table marks such rows.
 */
export function isThinSample(indicators: readonly Pick<IndicatorResult, 'status'>[]): boolean {
  const thin = indicators.filter((i) => i.status === 'insufficient').length;
  const scored = indicators.filter((i) => i.status === 'scored').length;
  return thin > 0 && thin >= scored;
}
