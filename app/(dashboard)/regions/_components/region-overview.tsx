'use client';

import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import type { OverdueByDomain } from '../../../../lib/obligations/queries';
import type { RegionCounts, RegionNode } from '../../../../lib/regions/region-tree';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { OverdueByDomainChart } from '../../departments/_components/overdue-by-domain-chart';

const LEVEL_LABELS: Record<RegionNode['level'], string> = { province: '省', city: '设区市', county: '县（市、区）' };

interface Row extends RegionCounts {
  key: string;
  code: string;
  name: string;
  level: RegionNode['level'];
  isPilot: boolean;
  children?: Row[];
}

function toRows(nodes: RegionNode[]): Row[] {
  return nodes.map((node) => ({
    key: node.code,
    code: node.code,
    name: node.name,
    level: node.level,
    isPilot: node.isPilot,
    ...node.totals,
    ...(node.children.length > 0 ? { children: toRows(node.children) } : {}),
  }));
}

const numberCell = (value: number) => value.toLocaleString('zh-CN');

const columns: ColumnsType<Row> = [
  {
    title: '区域',
    dataIndex: 'name',
    render: (name: string, row) => (
      <span>
        {name} <Typography.Text type="secondary">{row.code}</Typography.Text>
        {row.isPilot && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            试点
          </Tag>
        )}
      </span>
    ),
  },
  { title: '级别', dataIndex: 'level', width: 140, render: (level: Row['level']) => LEVEL_LABELS[level] },
  { title: '公开事项', dataIndex: 'catalogEntries', align: 'right', width: 130, render: numberCell },
  { title: '公开信息', dataIndex: 'items', align: 'right', width: 130, render: numberCell },
  { title: '未履行义务', dataIndex: 'openObligations', align: 'right', width: 130, render: numberCell },
  {
    title: '其中已超期',
    dataIndex: 'overdueObligations',
    align: 'right',
    width: 130,
    render: (value: number) => (value > 0 ? <Typography.Text type="danger">{numberCell(value)}</Typography.Text> : 0),
  },
  {
    title: '部门',
    key: 'departments',
    width: 110,
    render: (_, row) => (
      <Link href={`/departments?regionId=${row.code}`} data-testid={`region-departments-${row.code}`}>
        查看部门
      </Link>
    ),
  },
];

export function RegionOverview(props: {
  tree: RegionNode[];
  scopeName: string;
  isDepartmentView: boolean;
  overdueByDomain: OverdueByDomain[];
}) {
  const rows = toRows(props.tree);
  const totals = props.tree.reduce(
    (sum, node) => ({
      catalogEntries: sum.catalogEntries + node.totals.catalogEntries,
      items: sum.items + node.totals.items,
      openObligations: sum.openObligations + node.totals.openObligations,
      overdueObligations: sum.overdueObligations + node.totals.overdueObligations,
    }),
    { catalogEntries: 0, items: 0, openObligations: 0, overdueObligations: 0 },
  );

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        区域概览
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {props.scopeName}
        {props.isDepartmentView ? '（本部门）' : ''}各地区公开事项目录、已公开信息及公开义务履行情况。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title="公开事项" value={totals.catalogEntries} suffix="项" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="公开信息" value={totals.items} suffix="条" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="未履行公开义务" value={totals.openObligations} suffix="项" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title="其中已超期"
              value={totals.overdueObligations}
              suffix="项"
              styles={{ content: { color: totals.overdueObligations > 0 ? LEVEL_COLORS.red.ink : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title="超期未公开（按领域）"
        extra={<Typography.Text type="secondary">{props.scopeName}范围内已超过公开时限仍未公开的公开义务 · 项</Typography.Text>}
        style={{ marginBottom: 16 }}
        data-testid="overdue-by-domain"
      >
        <OverdueByDomainChart data={props.overdueByDomain} height={380} />
      </Card>
      <Card title="区域树" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="middle"
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: <Empty description="您的管辖范围内暂无区域数据" /> }}
          data-testid="region-table"
        />
      </Card>
    </div>
  );
}
