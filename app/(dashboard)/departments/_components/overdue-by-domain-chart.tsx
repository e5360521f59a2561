'use client';

import { Empty } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DOMAIN_LABELS } from '../../../../lib/catalog/domains';
import type { OverdueByDomain } from '../../../../lib/obligations/queries';
import { LEVEL_COLORS } from '../../_components/level-colors';

// 超期未公开（按领域）: open obligations past due per domain, 超期 (orange) and 严重超期 (red) stacked, so
// the domains that need a push stand out at a glance. Horizontal bars keep the Chinese names readable.
export function OverdueByDomainChart({ data, height = 360 }: { data: OverdueByDomain[]; height?: number }) {
  const rows = data.map((row) => ({ name: DOMAIN_LABELS[row.domain], 超期: row.overdue, 严重超期: row.severe }));
  if (data.every((row) => row.overdue + row.severe === 0)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有超期未公开的公开义务" style={{ paddingBlock: 48 }} />;
  }
  return (
    <div style={{ width: '100%', height }} data-testid="overdue-by-domain-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={6}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={116} tick={{ fontSize: 13 }} interval={0} />
          <Tooltip formatter={(value, name) => [`${String(value)} 项`, name]} />
          <Legend />
          <Bar dataKey="超期" stackId="overdue" fill={LEVEL_COLORS.orange.fill} isAnimationActive={false} />
          <Bar dataKey="严重超期" stackId="overdue" fill={LEVEL_COLORS.red.fill} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
