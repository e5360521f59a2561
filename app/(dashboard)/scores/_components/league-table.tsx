'use client';

import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { RegionSummary } from '../../../../lib/regions/queries';
import type { ScoreRow } from '../../../../lib/scoring/store/list-scores';
import { periodLabel, type Period } from '../../../../lib/scoring/period';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { formatChange, formatRate, formatTotal, SCORE_STATUS_LABELS } from './score-format';
import { Sparkline } from './sparkline';

const { Text } = Typography;

export interface LeagueFilter {
  period: string;
  subject: 'department' | 'position';
  regionId: string | null;
  page: number;
}

function hrefOf(pathname: string, filter: LeagueFilter): string {
  const params = new URLSearchParams({ period: filter.period });
  if (filter.subject !== 'department') params.set('subject', filter.subject);
  if (filter.regionId) params.set('regionId', filter.regionId);
  if (filter.page > 1) params.set('page', String(filter.page));
  return `${pathname}?${params}`;
}

const rateOf = (row: ScoreRow, key: string) => row.breakdown.indicators.find((i) => i.key === key);

function indicatorCell(row: ScoreRow, key: string) {
  const indicator = rateOf(row, key);
  if (!indicator || indicator.status === 'none') return <Text type="secondary">—</Text>;
  if (indicator.status === 'insufficient') {
    return (
      <Tooltip title={`仅 ${indicator.cases} 件，不足以计分，权重分给其他指标`}>
        <Text type="secondary">样本不足</Text>
      </Tooltip>
    );
  }
  return formatRate(indicator.rate);
}

function rankCell(row: ScoreRow) {
  // nothing due: no place in the ranking, listed last (DESIGN §1)
  if (row.total === null) return <Text type="secondary" data-testid="score-rank">—</Text>;
  return (
    <span data-testid="score-rank" data-tied={row.tied}>
      <Text strong>{row.rank}</Text>
      {row.tied && (
        <Text type="secondary" style={{ fontSize: 12, marginInlineStart: 2 }}>
          并列
        </Text>
      )}
    </span>
  );
}

function columns(filter: LeagueFilter, isRunning: boolean): ColumnsType<ScoreRow> {
  const detailHref = (row: ScoreRow) => `/scores/departments/${row.departmentId}?period=${filter.period}`;
  return [
    { title: '排名', dataIndex: 'rank', width: 80, align: 'center', render: (_, row) => rankCell(row) },
    {
      title: filter.subject === 'position' ? '岗位' : '部门',
      key: 'name',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link href={detailHref(row)} data-testid="score-department-link">
            {filter.subject === 'position' ? row.positionName : row.departmentName}
          </Link>
          {filter.subject === 'position' && <Text type="secondary">{row.departmentName}</Text>}
        </Space>
      ),
    },
    { title: '区域', dataIndex: 'regionName', width: 130 },
    {
      title: '得分',
      dataIndex: 'total',
      width: 150,
      align: 'right',
      render: (total: number | null, row) =>
        total === null ? (
          <Tooltip title={SCORE_STATUS_LABELS[row.breakdown.status]}>
            <Text type="secondary" data-testid="score-total">—</Text>
          </Tooltip>
        ) : (
          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
            {row.thinSample && (
              <Tooltip title="多数指标本月样本不足，得分只依据少数几项指标，仅供参考">
                <Tag color="default" style={{ marginInlineEnd: 0 }} data-testid="thin-sample">
                  样本不足
                </Tag>
              </Tooltip>
            )}
            <Text strong style={{ fontSize: 16 }} data-testid="score-total">
              {formatTotal(total)}
            </Text>
          </Space>
        ),
    },
    {
      title: '较上月',
      dataIndex: 'change',
      width: 100,
      align: 'right',
      render: (change: number | null) =>
        isRunning ? (
          // a month still running is not compared with a finished one: early in the month it would mislead
          <Tooltip title="本月尚未结束，不与上月比较">
            <Text type="secondary" data-testid="score-change">
              —
            </Text>
          </Tooltip>
        ) : (
          <Text type={change === null || change === 0 ? 'secondary' : change > 0 ? 'success' : 'danger'} data-testid="score-change">
            {formatChange(change)}
          </Text>
        ),
    },
    { title: '近6个月', key: 'trend', width: 140, render: (_, row) => <Sparkline points={row.trend} /> },
    { title: '公开及时率', key: 'timeliness', width: 110, align: 'right', render: (_, row) => indicatorCell(row, 'timeliness') },
    { title: '内容完整率', key: 'completeness', width: 110, align: 'right', render: (_, row) => indicatorCell(row, 'completeness') },
    { title: '按时办结率', key: 'complaintReply', width: 110, align: 'right', render: (_, row) => indicatorCell(row, 'complaintReply') },
    { title: '申请按时答复率', key: 'requestReply', width: 120, align: 'right', render: (_, row) => indicatorCell(row, 'requestReply') },
    {
      title: '红色预警',
      key: 'red',
      width: 100,
      align: 'right',
      render: (_, row) => (row.breakdown.deductions.redAlerts > 0 ? <Tag color={LEVEL_COLORS.red.tag}>{row.breakdown.deductions.redAlerts} 条</Tag> : <Text type="secondary">0</Text>),
    },
  ];
}

export function LeagueTable(props: {
  rows: ScoreRow[];
  total: number;
  pageSize: number;
  filter: LeagueFilter;
  /** The months offered, newest first, the running one named as such. */
  periods: { value: Period; label: string }[];
  /** The month shown is still running: no comparison with the last one. */
  isRunning: boolean;
  regions: RegionSummary[];
  canEditWeights: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const go = (change: Partial<LeagueFilter>) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page: 1, ...change })));
  const regionName = props.regions.find((r) => r.code === props.filter.regionId)?.name;

  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }} wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          考核评分 · {props.periods.find((p) => p.value === props.filter.period)?.label ?? periodLabel(props.filter.period)}
        </Typography.Title>
        <Space size="large">
          <Link href={`/scores/regions?period=${props.filter.period}`}>区域汇总与超期热力图</Link>
          {props.canEditWeights && <Link href="/scores/weights">考核权重</Link>}
          <Link href="/scores/method" data-testid="scoring-method-link">
            <QuestionCircleOutlined /> 计分说明
          </Link>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        {regionName ?? '管辖范围内'}各{props.filter.subject === 'position' ? '岗位' : '部门'}得分排名，点击名称查看每一项扣分的依据。
        {props.isRunning ? '本月尚未结束，得分随公开、预警和投诉的变化实时更新。' : '得分相同的并列同一名次；本月无应办事项的不参与排名，列在最后。'}
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            aria-label="考核对象"
            value={props.filter.subject}
            options={[
              { label: '部门', value: 'department' },
              { label: '岗位', value: 'position' },
            ]}
            onChange={(value) => go({ subject: value as LeagueFilter['subject'] })}
          />
          <Select
            aria-label="月份"
            style={{ width: 270 }}
            value={props.filter.period}
            options={props.periods}
            onChange={(period) => go({ period })}
          />
          {props.regions.length > 1 && (
            <Select
              aria-label="区域"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部区域"
              style={{ width: 220 }}
              value={props.filter.regionId ?? undefined}
              options={props.regions.map((r) => ({ value: r.code, label: r.name }))}
              onChange={(regionId?: string) => go({ regionId: regionId ?? null })}
            />
          )}
        </Space>
        <Table<ScoreRow>
          data-testid="league-table"
          rowKey={(row) => `${row.departmentId}-${row.positionId ?? 0}`}
          columns={columns(props.filter, props.isRunning)}
          dataSource={props.rows}
          loading={isPending}
          size="middle"
          locale={{ emptyText: <Empty description={`${periodLabel(props.filter.period)}尚无评分`} /> }}
          pagination={{
            current: props.filter.page,
            pageSize: props.pageSize,
            total: props.total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 个`,
            onChange: (page) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page }))),
          }}
        />
      </Card>
    </div>
  );
}
