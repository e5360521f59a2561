'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import type { IndicatorResult, Loss } from '../../../../lib/scoring/compute-score';
import type { DepartmentScoreDetail } from '../../../../lib/scoring/store/list-scores';
import { periodLabel } from '../../../../lib/scoring/period';
import { INDICATOR_LABELS } from '../../../../lib/scoring/weights';
import { formatTime } from '../../../../lib/format/shanghai-time';
import type { Dispute } from '../../../../lib/disputes/queries';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { DisputeList } from '../../disputes/_components/dispute-list';
import { formatRate, formatTotal, INDICATOR_STATUS_LABELS, SCORE_STATUS_LABELS } from './score-format';
import { ScoreTrendChart } from './score-trend-chart';

const { Text } = Typography;

const indicatorColumns: ColumnsType<IndicatorResult> = [
  { title: '指标', dataIndex: 'label' },
  { title: '权重', dataIndex: 'weight', width: 80, align: 'right' },
  { title: '应计件数', dataIndex: 'cases', width: 100, align: 'right' },
  { title: '达标件数', dataIndex: 'passed', width: 100, align: 'right' },
  { title: '达标率', dataIndex: 'rate', width: 100, align: 'right', render: formatRate },
  {
    title: '得分 / 满分',
    key: 'points',
    width: 130,
    align: 'right',
    render: (_, row) => (row.status === 'scored' ? `${row.points.toFixed(2)} / ${row.maxPoints.toFixed(2)}` : <Text type="secondary">—</Text>),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (status: IndicatorResult['status']) => (
      <Tag color={status === 'scored' ? 'green' : status === 'insufficient' ? 'gold' : 'default'}>{INDICATOR_STATUS_LABELS[status]}</Tag>
    ),
  },
];

function factLink(loss: Loss) {
  if (loss.ref.itemId !== null) {
    return (
      <Link href={`/items/${loss.ref.itemId}`} data-testid="loss-item-link">
        完整还原
      </Link>
    );
  }
  if (loss.ref.complaintId !== null) return <Link href={`/complaints/${loss.ref.complaintId}`}>查看投诉</Link>;
  if (loss.ref.requestId != null) return <Link href={`/requests/${loss.ref.requestId}`}>查看申请</Link>;
  return <Text type="secondary">—</Text>;
}

const lossColumns: ColumnsType<Loss> = [
  {
    title: '指标',
    dataIndex: 'indicator',
    width: 150,
    render: (indicator: Loss['indicator']) =>
      indicator === 'red' ? (
        <Tag color={LEVEL_COLORS.red.tag}>红色预警扣分</Tag>
      ) : indicator === 'substantiated' ? (
        <Tag color={LEVEL_COLORS.orange.tag}>投诉属实扣分</Tag>
      ) : (
        INDICATOR_LABELS[indicator]
      ),
  },
  { title: '扣分', dataIndex: 'points', width: 90, align: 'right', render: (points: number) => <Text type="danger">−{points.toFixed(2)}</Text> },
  { title: '事实', key: 'label', render: (_, loss) => loss.ref.label },
  { title: '依据', key: 'link', width: 110, render: (_, loss) => factLink(loss) },
];

export function DepartmentScoreView({
  detail,
  disputes = [],
  names = {},
}: {
  detail: DepartmentScoreDetail;
  /** The month's disputes (申诉) of the department's deductions and alerts: an accepted one's deduction is gone. */
  disputes?: readonly Dispute[];
  names?: Readonly<Record<string, string>>;
}) {
  const { breakdown } = detail;
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Link href={`/scores?period=${detail.period}`}>
        <ArrowLeftOutlined /> 返回排名
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {detail.departmentName} · {periodLabel(detail.period)}考核
      </Typography.Title>
      <Row gutter={16}>
        <Col span={8}>
          <Card style={{ height: '100%' }}>
            <Statistic title="本月得分" value={formatTotal(detail.total)} styles={{ content: { fontSize: 40, color: '#8e1616' } }} />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label="评分状态">{SCORE_STATUS_LABELS[breakdown.status]}</Descriptions.Item>
              <Descriptions.Item label="所属区域">{detail.regionName}</Descriptions.Item>
              <Descriptions.Item label="红色预警扣分">
                {breakdown.deductions.redAlerts} 条，共 {breakdown.deductions.points.toFixed(2)} 分
              </Descriptions.Item>
              <Descriptions.Item label="投诉属实扣分">
                <span data-testid="substantiated-deduction">
                  {breakdown.deductions.substantiatedComplaints ?? 0} 件，共 {(breakdown.deductions.substantiatedPoints ?? 0).toFixed(2)} 分
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="权重版本">{detail.weightsVersion ? `第 ${detail.weightsVersion} 版` : '默认'}</Descriptions.Item>
              <Descriptions.Item label="计算时间">{formatTime(detail.computedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={16}>
          <Card title="近12个月得分" style={{ height: '100%' }}>
            <ScoreTrendChart points={detail.trend} />
          </Card>
        </Col>
      </Row>
      <Card title="指标明细" style={{ marginTop: 16 }}>
        <Table<IndicatorResult> rowKey="key" columns={indicatorColumns} dataSource={breakdown.indicators} pagination={false} size="middle" />
        <Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          不足 5 件的指标显示“样本不足”，不计分，其权重按比例分给其他指标。
        </Text>
      </Card>
      <Card title={`扣分依据（${breakdown.losses.length} 项）`} style={{ marginTop: 16 }}>
        <Table<Loss>
          data-testid="loss-table"
          rowKey={(loss) => `${loss.indicator}-${loss.ref.kind}-${loss.ref.id}`}
          columns={lossColumns}
          dataSource={breakdown.losses}
          size="middle"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 项` }}
          locale={{ emptyText: <Empty description={detail.total === null ? '本月不评分，没有扣分' : '本月没有扣分'} /> }}
        />
      </Card>
      {disputes.length > 0 && (
        <Card title={`申诉（${disputes.length} 项）`} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
          <Text type="secondary" style={{ display: 'block', padding: '12px 16px 0' }}>
            申诉成立的扣分已撤销，不再计入得分；驳回的扣分仍在上表中。
          </Text>
          <DisputeList disputes={disputes} names={names} empty="本月没有申诉" testId="score-disputes" />
        </Card>
      )}
      {detail.positions.length > 0 && (
        <Card title="岗位得分" style={{ marginTop: 16 }}>
          <Table
            rowKey="positionId"
            size="small"
            pagination={false}
            dataSource={detail.positions}
            columns={[
              { title: '岗位', dataIndex: 'positionName' },
              { title: '得分', dataIndex: 'total', width: 120, align: 'right', render: (total: number | null) => formatTotal(total) },
              { title: '状态', dataIndex: 'status', width: 180, render: (status: keyof typeof SCORE_STATUS_LABELS) => SCORE_STATUS_LABELS[status] },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
