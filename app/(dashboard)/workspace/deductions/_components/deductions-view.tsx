'use client';

// The department's deductions (投诉属实, each costing `penalty` points in its month) with a 申诉 button while it
// stands and no dispute of it is pending, and the department's disputes with the office's decisions.
import { Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import type { DisputeWindow } from '../../../../../lib/disputes/dispute-windows';
import type { DepartmentDeduction, Dispute } from '../../../../../lib/disputes/queries';
import { formatTime } from '../../../../../lib/format/shanghai-time';
import { DisputeButton } from '../../../disputes/_components/dispute-button';
import { DisputeList, DisputeStateTag } from '../../../disputes/_components/dispute-list';

const { Text, Title } = Typography;

export function DeductionsView(props: {
  deductions: readonly DepartmentDeduction[];
  disputes: readonly Dispute[];
  names: Readonly<Record<string, string>>;
  penalty: number;
  disputeWorkingDays: number;
  /** 申诉期限 of each deduction, by violation id: the 申诉 button only while it is open. */
  windows: Readonly<Record<number, DisputeWindow>>;
}) {
  const latestDispute = new Map<number, Dispute>();
  for (const d of props.disputes) {
    if (d.violationId !== null && !latestDispute.has(d.violationId)) latestDispute.set(d.violationId, d);
  }
  const columns: ColumnsType<DepartmentDeduction> = [
    {
      title: '扣分事由',
      key: 'what',
      render: (_, d) => (
        <div>
          <Link href={`/complaints/${d.complaintId}`}>投诉件 {d.trackingCode}</Link>
          <div>
            <Text type="secondary">反映「{d.entryName}」未按规定公开，经办结认定属实</Text>
          </div>
        </div>
      ),
    },
    { title: '认定时间', key: 'foundAt', width: 170, render: (_, d) => formatTime(d.foundAt) },
    {
      title: '扣分',
      key: 'points',
      width: 150,
      render: (_, d) =>
        d.withdrawnAt ? (
          <div>
            <Tag color="success">已撤销</Tag>
            <div>
              <Text type="secondary" style={{ fontSize: 12 }}>
                {d.withdrawReason}
              </Text>
            </div>
          </div>
        ) : (
          <Text strong type="danger">
            −{props.penalty} 分
          </Text>
        ),
    },
    {
      title: '申诉',
      key: 'dispute',
      width: 150,
      render: (_, d) => {
        const dispute = latestDispute.get(d.violationId);
        if (dispute?.state === 'pending' || (dispute && d.withdrawnAt)) return <DisputeStateTag state={dispute.state} />;
        if (d.withdrawnAt) return <Text type="secondary">—</Text>;
        const disputeWindow = props.windows[d.violationId];
        return (
          <div>
            {dispute && <DisputeStateTag state={dispute.state} />}
            {disputeWindow?.isOpen ? (
              <Tooltip title={`可在 ${formatTime(disputeWindow.endsAt)} 前申诉`}>
                <span>
                  <DisputeButton size="small" subject={{ type: 'deduction', id: d.violationId }} title={`投诉件 ${d.trackingCode} 反映「${d.entryName}」未按规定公开（扣 ${props.penalty} 分）`} />
                </span>
              </Tooltip>
            ) : (
              <Text type="secondary" style={{ fontSize: 12 }} data-testid="dispute-closed">
                申诉期已过
              </Text>
            )}
          </div>
        );
      },
    },
  ];
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Title level={3} style={{ marginTop: 0 }}>
        扣分与申诉
      </Title>
      <Text type="secondary">
        对预警或扣分有异议的，可在预警产生或扣分记录后 {props.disputeWorkingDays} 个工作日内提出申诉；预警的申诉在
        <Link href="/workspace"> 我的工作台 </Link>
        的预警旁提出。
      </Text>
      <Card title="近 12 个月的扣分" style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
        <Table<DepartmentDeduction>
          rowKey="violationId"
          columns={columns}
          dataSource={[...props.deductions]}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近 12 个月没有扣分" /> }}
          data-testid="deductions"
        />
      </Card>
      <Card title="本部门的申诉" style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
        <DisputeList disputes={props.disputes} names={props.names} empty="尚未提出申诉" testId="own-disputes" />
      </Card>
    </div>
  );
}
