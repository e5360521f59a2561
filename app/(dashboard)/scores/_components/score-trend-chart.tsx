'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { periodLabel } from '../../../../lib/scoring/period';

// A department's last 12 months; a month with a null total (nothing due) leaves a gap.
export function ScoreTrendChart({ points }: { points: { period: string; total: number | null }[] }) {
  const data = points.map((p) => ({ name: `${Number(p.period.slice(5))}月`, label: periodLabel(p.period), 得分: p.total }));
  return (
    <div style={{ width: '100%', height: 220 }} data-testid="score-trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? '')} formatter={(value) => [String(value ?? '—'), '得分']} />
          <Line type="monotone" dataKey="得分" stroke="#8e1616" strokeWidth={2} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
