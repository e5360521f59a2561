// Display helpers of the scoring pages: totals with two decimals, — for none, rates as percentages.
import type { IndicatorStatus, ScoreStatus } from '../../../../lib/scoring/compute-score';

export const formatTotal = (total: number | null) => (total === null ? '—' : total.toFixed(2));

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function formatChange(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return '持平';
  return `${change > 0 ? '↑' : '↓'} ${Math.abs(change).toFixed(2)}`;
}

export const SCORE_STATUS_LABELS: Record<ScoreStatus, string> = {
  scored: '已评分',
  insufficient_sample: '样本不足，暂不评分',
  nothing_due: '本月无应办事项',
};

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  scored: '计分',
  insufficient: '样本不足',
  none: '无数据',
};
