'use client';

import { Card, Col, Descriptions, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { describeTimeLimit, TIME_LIMIT_KIND_LABELS } from '../../../../lib/catalog/describe-time-limit';
import { AUDIENCE_LABELS, domainLabel, MODE_LABELS } from '../../../../lib/catalog/domains';
import type { CatalogEntryWithObligations } from '../../../../lib/catalog/queries';
import type { ObligationView } from '../../../../lib/obligations/queries';
import { channelLabel } from '../../../../lib/rules/evaluate-channels';
import { elementLabel } from '../../../../lib/rules/evaluate-completeness';
import { formatCount } from '../../../../lib/format/shanghai-time';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { DueDayCell } from '../../_components/deadline-explanation';
import { LevelTag } from '../../_components/level-tag';

const { Text } = Typography;

export const MODE_COLORS = { proactive: 'blue', on_request: 'purple', withheld: 'default' } as const;

const obligationColumns: ColumnsType<ObligationView> = [
  {
    title: '应公开信息',
    key: 'subject',
    render: (_, o) =>
      o.item ? (
        <Link href={`/items/${o.item.id}`}>{o.item.title}</Link>
      ) : (
        <Text>{o.periodKey} 期（尚无信息）</Text>
      ),
  },
  {
    title: '应于',
    dataIndex: 'dueDay',
    width: 200,
    render: (_: string, o) => <DueDayCell deadline={o.deadline} />,
  },
  {
    title: '状态',
    dataIndex: 'level',
    width: 130,
    render: (level: ObligationView['level'], o) => (
      <>
        <LevelTag level={level} />
        {o.isProvisional && <Tag color="warning">暂定</Tag>}
      </>
    ),
  },
];

/** A catalog entry: its requirements and how its obligations stand. Shown in the catalog's drawer and on /catalog/[id]. */
export function EntryDetail({ entry }: { entry: CatalogEntryWithObligations }) {
  const { counts, open } = entry.obligations;
  return (
    <div data-testid="entry-detail">
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 110 } }}
        items={[
          { key: 'code', label: '事项编码', children: entry.code },
          { key: 'domain', label: '所属领域', children: domainLabel(entry.domain) },
          { key: 'category', label: '事项类别', span: 2, children: entry.category || '—' },
          {
            key: 'department',
            label: '公开主体',
            children: <Link href={`/departments/${entry.departmentId}`}>{entry.departmentName}</Link>,
          },
          { key: 'position', label: '责任岗位', children: entry.position?.name ?? <Text type="secondary">未指定</Text> },
          {
            key: 'mode',
            label: '公开方式',
            children: (
              <>
                <Tag color={MODE_COLORS[entry.mode]}>{MODE_LABELS[entry.mode]}</Tag>
                {entry.withheldReason && <Text type="secondary">理由：{entry.withheldReason}</Text>}
              </>
            ),
          },
          { key: 'audience', label: '公开对象', children: AUDIENCE_LABELS[entry.audience] },
          { key: 'basis', label: '公开依据', span: 2, children: entry.basis },
          { key: 'content', label: '公开内容', span: 2, children: entry.content },
          {
            key: 'elements',
            label: '必备要素',
            span: 2,
            children:
              entry.requiredElements.length === 0 ? (
                <Text type="secondary">未规定</Text>
              ) : (
                entry.requiredElements.map((key) => (
                  <Tag key={key} style={{ marginBottom: 4 }}>
                    {elementLabel(key)}
                  </Tag>
                ))
              ),
          },
          {
            key: 'timeLimit',
            label: '公开时限',
            span: 2,
            children: (
              <div>
                <div>{entry.timeLimit.text}</div>
                <Text type="secondary">
                  <Tag color={entry.timeLimit.kind === 'unmeasurable' ? 'warning' : 'default'} style={{ marginInlineEnd: 6 }}>
                    {TIME_LIMIT_KIND_LABELS[entry.timeLimit.kind]}
                  </Tag>
                  {describeTimeLimit(entry.timeLimit)}
                </Text>
              </div>
            ),
          },
          {
            key: 'channels',
            label: '公开渠道',
            span: 2,
            children: entry.channels.map((channel) => <Tag key={channel}>{channelLabel(channel)}</Tag>),
          },
          { key: 'region', label: '所属区域', children: entry.regionName },
          { key: 'version', label: '目录版本', children: `第 ${entry.version} 版` },
        ]}
      />
      <Card size="small" title="公开义务履行情况" style={{ marginTop: 16 }}>
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col span={6}>
            <Statistic title="未履行" value={counts.open} suffix="项" formatter={(v) => formatCount(Number(v))} />
          </Col>
          <Col span={6}>
            <Statistic
              title="其中超期"
              value={counts.overdue}
              suffix="项"
              styles={{ content: { color: counts.overdue > 0 ? LEVEL_COLORS.red.ink : undefined } }}
              formatter={(v) => formatCount(Number(v))}
            />
          </Col>
          <Col span={6}>
            <Statistic title="按时履行" value={counts.fulfilledOnTime} suffix="项" formatter={(v) => formatCount(Number(v))} />
          </Col>
          <Col span={6}>
            <Statistic
              title="逾期履行"
              value={counts.fulfilledLate}
              suffix="项"
              styles={{ content: { color: counts.fulfilledLate > 0 ? LEVEL_COLORS.orange.ink : undefined } }}
              formatter={(v) => formatCount(Number(v))}
            />
          </Col>
        </Row>
        <Table<ObligationView>
          rowKey="id"
          size="small"
          columns={obligationColumns}
          dataSource={open}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={entry.timeLimit.kind === 'unmeasurable' ? '时限无法量化，不生成公开义务' : '当前没有未履行的公开义务'}
              />
            ),
          }}
          footer={counts.open > open.length ? () => <Text type="secondary">仅显示最早到期的 {open.length} 项，共 {counts.open} 项未履行</Text> : undefined}
          data-testid="entry-obligations"
        />
      </Card>
    </div>
  );
}
