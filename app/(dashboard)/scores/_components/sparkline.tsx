'use client';

import { Line, LineChart, YAxis } from 'recharts';

// A row's last months at a glance; months without a score leave a gap.
export function Sparkline({ points }: { points: { period: string; total: number | null }[] }) {
  if (points.every((p) => p.total === null)) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <LineChart width={120} height={32} data={points} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
      <YAxis hide domain={[0, 100]} />
      <Line type="monotone" dataKey="total" stroke="#8e1616" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
    </LineChart>
  );
}
