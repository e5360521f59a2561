'use client';

import { Line, LineChart, YAxis } from 'recharts';

// A row's last months at a glance; months without a score leave a gap.
export function Sparkline({ points }: { points: { period: string; total: number | null }[] }) {
  const scored = points.filter((p) => p.total !== null).length;
  if (scored === 0) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <LineChart width={120} height={32} data={points} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
      <YAxis hide domain={[0, 100]} />
      <Line type="monotone" dataKey="total" stroke="#8e1616" strokeWidth={1.5} dot={scored === 1 ? { r: 2, fill: '#8e1616' } : false} isAnimationActive={false} connectNulls={false} />
    </LineChart>
  );
}
