'use client';

import { Breadcrumb, Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { Alert } from '../../../../lib/alerts/alert';
import { RULE_KIND_LABELS } from '../../../../lib/alerts/labels';
import { domainLabel } from '../../../../lib/catalog/domains';
import type { DepartmentDetail } from '../../../../lib/departments/queries';
import type { ItemDeadlineState, ItemListRow } from '../../../../lib/items/queries';
import type { ObligationCounts, ObligationView, OverdueByDomain } from '../../../../lib/obligations/queries';
import { formatCount, formatTime } from '../../../../lib/format/shanghai-time';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { DueDayCell } from '../../_components/deadline-explanation';
import { LevelTag } from '../../_components/level-tag';
import { OverdueByDomainChart } from './overdue-by-domain-chart';

const { Text, Title } = Typography;

interface Props {
  department: DepartmentDetail;
  counts: ObligationCounts;
  dueSoon: ObligationView[];
  overdue: ObligationView[];
  alerts: Alert[];
  byDomain: OverdueByDomain[];
  items: ItemListRow[];
  itemTotal: number;
  itemPage: number;
  itemPageSize: number;
}

const obligationSubject = (o: ObligationView) =>
  o.item ? (
    <Link href={`/items/${o.item.id}`}>{o.item.title}</Link>
  ) : (
    <span>
      <Link href={`/catalog/${o.entry.id}`}>{o.entry.name}</Link> <Text type="secondary">{o.periodKey} 期，尚未公开</Text>
    </span>
  );

function obligationColumns(kind: 'dueSoon' | 'overdue'): ColumnsType<ObligationView> {
  return [
    {
      title: '应公开信息',
      key: 'subject',
      render: (_, o) => (
        <div>
          {obligationSubject(o)}
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {o.entry.code} · {domainLabel(o.entry.domain)}
            </Text>
          </div>
        </div>
      ),
    },
    {
      title: kind === 'dueSoon' ? '应于' : '期限',
      dataIndex: 'dueDay',
      width: 200,
      render: (_: string, o) => <DueDayCell deadline={o.deadline} />,
    },
    {
      title: '状态',
      dataIndex: 'level',
      width: 104,
      render: (level: ObligationView['level']) => (level === 'none' ? <Tag color="processing">即将到期</Tag> : <LevelTag level={level} short />),
    },
  ];
}

const DEADLINE_TAGS: Record<ItemDeadlineState, { color: string; label: string }> = {
  on_time: { color: 'success', label: '按时公开' },
  late: { color: 'orange', label: '逾期公开' },
  overdue: { color: 'error', label: '超期未公开' },
  pending: { color: 'processing', label: '未到期' },
  untracked: { color: 'default', label: '无时限要求' },
  cancelled: { color: 'default', label: '义务已撤销' },
};

const itemColumns: ColumnsType<ItemListRow> = [
  {
    title: '标题',
    dataIndex: 'title',
    render: (title: string, row) => (
      <div>
        <Link href={`/items/${row.id}`} data-testid="item-link">
          {title}
        </Link>
        <div>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {row.indexNo ?? '无索引号'} · {row.entry.name}
          </Text>
        </div>
      </div>
    ),
  },
  { title: '信息形成', dataIndex: 'formedAt', width: 150, render: formatTime },
  {
    title: '发布时间',
    dataIndex: 'publishedAt',
    width: 150,
    render: (value: string | null, row) => (row.withdrawnAt ? <Tag>已撤回</Tag> : value ? formatTime(value) : <Text type="secondary">未公开</Text>),
  },
  {
    title: '时限',
    dataIndex: 'deadlineState',
    width: 120,
    render: (state: ItemDeadlineState) => <Tag color={DEADLINE_TAGS[state].color}>{DEADLINE_TAGS[state].label}</Tag>,
  },
  {
    title: '预警',
    dataIndex: 'openAlerts',
    width: 80,
    align: 'right',
    render: (value: number) => (value > 0 ? <Text type="danger">{value}</Text> : <Text type="secondary">0</Text>),
  },
];

export function DepartmentView(props: Props) {
  const { department, counts } = props;
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link href="/departments">部门</Link> },
          { title: <Link href={`/departments?regionId=${department.regionId}`}>{department.regionName}</Link> },
          { title: department.name },
        ]}
      />
      <Card>
        <Title level={3} style={{ marginTop: 0, marginBottom: 12 }} data-testid="department-name">
          {department.name}
        </Title>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'orgCode', label: '组织机构代码', children: <Text code>{department.orgCode}</Text> },
            { key: 'region', label: '所属区域', children: department.regionName },
            {
              key: 'entries',
              label: '负责公开事项',
              children: <Link href={`/catalog?departmentId=${department.id}`}>{formatCount(department.catalogEntries)} 项 · 查看目录</Link>,
            },
            {
              key: 'domains',
              label: '公开领域',
              span: 2,
              children:
                department.domains.length === 0 ? (
                  <Text type="secondary">—</Text>
                ) : (
                  department.domains.map((domain) => <Tag key={domain}>{domainLabel(domain)}</Tag>)
                ),
            },
            {
              key: 'positions',
              label: '岗位',
              children: department.positions.map((position) => position.name).join('、') || '—',
            },
          ]}
        />
      </Card>

      <Row gutter={16} style={{ marginTop: 16 }}>
        {[
          { title: '未履行公开义务', value: counts.open, color: undefined },
          { title: '近期到期', value: props.dueSoon.length, color: props.dueSoon.length > 0 ? LEVEL_COLORS.yellow.ink : undefined },
          { title: '超期未公开', value: counts.overdue, color: counts.overdue > 0 ? LEVEL_COLORS.orange.ink : undefined },
          { title: '其中严重超期', value: counts.severe, color: counts.severe > 0 ? LEVEL_COLORS.red.ink : undefined },
          { title: '未解除预警', value: department.openAlerts, color: department.openAlerts > 0 ? LEVEL_COLORS.red.ink : undefined },
        ].map((stat) => (
          <Col flex="1" key={stat.title}>
            <Card>
              <Statistic title={stat.title} value={stat.value} suffix="项" styles={{ content: { color: stat.color } }} />
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title="近期到期（5 个工作日内）" styles={{ body: { padding: 0 } }} data-testid="due-soon">
            <Table<ObligationView>
              rowKey="id"
              size="small"
              columns={obligationColumns('dueSoon')}
              dataSource={props.dueSoon}
              pagination={props.dueSoon.length > 6 ? { pageSize: 6, size: 'small', showSizeChanger: false } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="5 个工作日内没有到期的公开义务" /> }}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card
            title="超期未公开"
            extra={counts.overdue > props.overdue.length ? <Text type="secondary">显示最早的 {props.overdue.length} 项</Text> : null}
            styles={{ body: { padding: 0 } }}
            data-testid="overdue"
          >
            <Table<ObligationView>
              rowKey="id"
              size="small"
              columns={obligationColumns('overdue')}
              dataSource={props.overdue}
              pagination={props.overdue.length > 6 ? { pageSize: 6, size: 'small', showSizeChanger: false } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有超期未公开的公开义务" /> }}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <Card
            title="未解除预警"
            extra={department.openAlerts > props.alerts.length ? <Text type="secondary">最近 {props.alerts.length} 条，共 {department.openAlerts} 条</Text> : null}
            data-testid="department-alerts"
          >
            {props.alerts.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该部门当前没有未解除的预警" />
            ) : (
              <div style={{ maxHeight: 372, overflowY: 'auto' }}>
                {props.alerts.map((alert) => (
                  <div key={alert.id} style={{ padding: '8px 0', borderBottom: '1px solid #f5f5f5' }}>
                    <Space size={6} wrap>
                      <LevelTag level={alert.level} isDeadline={alert.rule.kind === 'deadline'} />
                      <Tag>{RULE_KIND_LABELS[alert.rule.kind] ?? alert.rule.kind}</Tag>
                      {alert.state === 'acknowledged' ? <Tag color="processing">已确认</Tag> : <Tag color="error">待确认</Tag>}
                      <Text type="secondary">{formatTime(alert.openedAt)}</Text>
                    </Space>
                    <div style={{ marginTop: 4 }}>
                      {alert.itemId ? <Link href={`/items/${alert.itemId}`}>{alert.message}</Link> : alert.message}
                    </div>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col span={10}>
          <Card title="各领域超期未公开" extra={<Text type="secondary">截至今日 · 项</Text>}>
            <OverdueByDomainChart data={props.byDomain} height={340} />
          </Card>
        </Col>
      </Row>

      <Card title="最近公开信息" style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }} data-testid="department-items">
        <Table<ItemListRow>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={itemColumns}
          dataSource={props.items}
          pagination={{
            current: props.itemPage,
            pageSize: props.itemPageSize,
            total: props.itemTotal,
            showSizeChanger: false,
            showTotal: (total) => `共 ${formatCount(total)} 条`,
            onChange: (page) => startTransition(() => router.push(page > 1 ? `${pathname}?page=${page}` : pathname, { scroll: false })),
          }}
          locale={{ emptyText: <Empty description="该部门尚无公开信息" /> }}
        />
      </Card>
    </div>
  );
}
