'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { DOMAIN_LABELS, DOMAINS, type Domain } from '../../../../lib/catalog/domains';
import { periodLabel } from '../../../../lib/scoring/period';
import type { OverdueCell, RegionRollup } from '../../../../lib/scoring/store/region-rollup';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { formatTotal } from './score-format';

const { Text } = Typography;

type TreeRow = RegionRollup & { children?: TreeRow[] };

function tree(rows: RegionRollup[]): TreeRow[] {
  const byCode = new Map<string, TreeRow>(rows.map((r) => [r.code, { ...r }]));
  const roots: TreeRow[] = [];
  for (const row of byCode.values()) {
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  const sort = (list: TreeRow[]) => {
    list.sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1));
    for (const r of list) if (r.children) sort(r.children);
  };
  sort(roots);
  return roots;
}

const LEVEL_LABELS = { province: '省', city: '设区市', county: '县（市、区）' } as const;

function columns(period: string): ColumnsType<TreeRow> {
  return [
    {
      title: '区域',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Link href={`/scores?period=${period}&regionId=${row.code}`} data-testid="rollup-region-link">
          {name}
        </Link>
      ),
    },
    { title: '层级', dataIndex: 'level', width: 120, render: (level: TreeRow['level']) => LEVEL_LABELS[level] },
    { title: '参评部门', key: 'scored', width: 120, align: 'right', render: (_, row) => `${row.scored} / ${row.departments}` },
    { title: '平均得分', dataIndex: 'averageScore', width: 110, align: 'right', render: (v: number | null) => <Text strong>{formatTotal(v)}</Text> },
    { title: '最低分', dataIndex: 'minScore', width: 100, align: 'right', render: formatTotal },
    { title: '最高分', dataIndex: 'maxScore', width: 100, align: 'right', render: formatTotal },
    { title: '红色预警', dataIndex: 'redAlerts', width: 100, align: 'right' },
  ];
}

// white → the red level's fill as the overdue rate grows
function heat(rate: number): string {
  const percent = Math.min(100, 8 + rate * 92);
  return `color-mix(in srgb, ${LEVEL_COLORS.red.fill} ${percent.toFixed(0)}%, transparent)`;
}

function Heatmap({ cells }: { cells: OverdueCell[] }) {
  if (cells.length === 0) return <Empty description="本月没有到期的公开义务" />;
  const domains = DOMAINS.filter((d) => cells.some((c) => c.domain === d));
  const departments = [...new Map(cells.map((c) => [c.departmentId, c.departmentName])).entries()];
  const cellOf = new Map(cells.map((c) => [`${c.departmentId}:${c.domain}`, c]));
  return (
    <div style={{ overflowX: 'auto' }} data-testid="overdue-heatmap">
      <table style={{ borderCollapse: 'separate', borderSpacing: 2, width: '100%', fontSize: 13 }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left', padding: '4px 8px', minWidth: 220 }}>部门</th>
            {domains.map((d) => (
              <th key={d} style={{ padding: '4px 6px', fontWeight: 500, whiteSpace: 'nowrap' }}>
                {DOMAIN_LABELS[d as Domain]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {departments.map(([id, name]) => (
            <tr key={id}>
              <td style={{ padding: '4px 8px', whiteSpace: 'nowrap' }}>{name}</td>
              {domains.map((d) => {
                const cell = cellOf.get(`${id}:${d}`);
                if (!cell) return <td key={d} style={{ background: '#fafafa' }} />;
                const rate = cell.notOnTime / cell.due;
                return (
                  <Tooltip key={d} title={`${name} · ${DOMAIN_LABELS[d as Domain]}：到期 ${cell.due} 项，未按时 ${cell.notOnTime} 项`}>
                    <td style={{ background: heat(rate), color: rate > 0.5 ? '#fff' : '#1f1f1f', textAlign: 'center', padding: '6px 4px', borderRadius: 3 }}>
                      {(rate * 100).toFixed(0)}%
                    </td>
                  </Tooltip>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RegionRollupView(props: {
  period: string;
  /** Newest first, the running month named as such. */
  periods: { value: string; label: string }[];
  rollups: RegionRollup[];
  heatmap: OverdueCell[];
}) {
  const shownLabel = props.periods.find((p) => p.value === props.period)?.label ?? periodLabel(props.period);
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const rows = tree(props.rollups);
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Link href={`/scores?period=${props.period}`}>
        <ArrowLeftOutlined /> 返回排名
      </Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline', marginTop: 8 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          区域汇总 · {shownLabel}
        </Typography.Title>
        <Select
          aria-label="月份"
          style={{ width: 270 }}
          value={props.period}
          options={props.periods}
          onChange={(period) => startTransition(() => router.push(`/scores/regions?period=${period}`))}
        />
      </Space>
      <Card title="省 → 市 → 县得分汇总" style={{ marginBottom: 16 }}>
        <Table<TreeRow>
          data-testid="rollup-table"
          rowKey="code"
          columns={columns(props.period)}
          dataSource={rows}
          loading={isPending}
          pagination={false}
          size="middle"
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: <Empty description={`${periodLabel(props.period)}尚无评分`} /> }}
        />
      </Card>
      <Card title="超期热力图（部门 × 领域，未按时公开的比例）" extra={<Text type="secondary">本月到期义务中未按时公开最多的 20 个部门</Text>}>
        <Heatmap cells={props.heatmap} />
      </Card>
    </div>
  );
}
