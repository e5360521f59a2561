// Alert levels (DESIGN §1 Deadlines, Alert lifecycle): a level only rises while an alert is
// unresolved, so levels need an order; 'none' is an obligation or complaint with nothing to warn of.
import type { AlertLevel } from './rule';

export type Level = 'none' | AlertLevel;

export const LEVEL_RANK: Readonly<Record<Level, number>> = { none: 0, yellow: 1, orange: 2, red: 3 };

export function maxLevel<A extends Level, B extends Level>(a: A, b: B): A | B {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

export const LEVEL_LABELS: Readonly<Record<AlertLevel, string>> = {
  yellow: '黄色预警（临期）',
  orange: '橙色预警（超期）',
  red: '红色预警（严重超期）',
};

/** The deadline term alone, as it opens a deadline alert's message. */
export const LEVEL_TERMS: Readonly<Record<AlertLevel, string>> = {
  yellow: '临期',
  orange: '超期',
  red: '严重超期',
};
