'use client';

// Disputes as a table: what was disputed, by whom and why (with its attachments), its state and the office's
// decision with the reason; `actions` adds the office's accept / reject buttons to pending rows.
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Dispute } from '../../../../lib/disputes/queries';
import { DISPUTE_STATE_LABELS, DISPUTE_SUBJECT_LABELS, type DisputeState } from '../../../../lib/disputes/schemas';
import { formatTime } from '../../../../lib/format/shanghai-time';

const { Text } = Typography;

const STATE_COLORS: Record<DisputeState, string> = { pending: 'processing', accepted: 'success', rejected: 'default' };

export function DisputeStateTag({ state }: { state: DisputeState }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="dispute-state">
      {DISPUTE_STATE_LABELS[state]}
    </Tag>
  );
}

function subjectLink(d: Dispute): ReactNode {
  if (d.itemId) return <Link href={`/items/${d.itemId}`}>{d.subject.title}</Link>;
  if (d.complaintId) return <Link href={`/complaints/${d.complaintId}`}>{d.subject.title}</Link>;
  return d.subject.title;
}

export function DisputeList(props: {
  disputes: readonly Dispute[];
  /** Names of the actors (姓名), keyed by username; the username shows where a name is missing. */
  names?: Readonly<Record<string, string>>;
  showDepartment?: boolean;
  empty: string;
  actions?: (d: Dispute) => ReactNode;
  testId?: string;
}) {
  const nameOf = (username: string | null) => (username ? (props.names?.[username] ?? username) : '—');
  const columns: ColumnsType<Dispute> = [
    {
      title: '申诉对象',
      key: 'subject',
      render: (_, d) => (
        <div style={{ minWidth: 0 }}>
          <Space size={6}>
            <Tag>{DISPUTE_SUBJECT_LABELS[d.subject.type]}</Tag>
            {props.showDepartment && <Text type="secondary">{d.departmentName}</Text>}
          </Space>
          <div style={{ marginTop: 4 }}>{subjectLink(d)}</div>
        </div>
      ),
    },
    {
      title: '申诉理由',
      key: 'reason',
      width: '28%',
      render: (_, d) => (
        <div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{d.reason}</div>
          {d.attachments.length > 0 && (
            <Space size={8} wrap style={{ marginTop: 4 }}>
              {d.attachments.map((a) => (
                <a key={`${a.name}-${a.url}`} href={a.url} target="_blank" rel="noreferrer noopener">
                  {a.name}
                </a>
              ))}
            </Space>
          )}
          <div>
            <Text type="secondary" style={{ fontSize: 12 }} title={d.filedBy}>
              {nameOf(d.filedBy)} · {formatTime(d.filedAt)} 提出
            </Text>
          </div>
        </div>
      ),
    },
    {
      title: '处理结果',
      key: 'state',
      width: '26%',
      render: (_, d) => (
        <div>
          <DisputeStateTag state={d.state} />
          {d.decisionReason && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{d.decisionReason}</div>}
          {d.decidedAt && (
            <Text type="secondary" style={{ fontSize: 12 }} title={d.decidedBy ?? undefined}>
              {nameOf(d.decidedBy)} · {formatTime(d.decidedAt)}
            </Text>
          )}
        </div>
      ),
    },
  ];
  if (props.actions) columns.push({ title: '操作', key: 'actions', width: 180, render: (_, d) => props.actions!(d) });
  return (
    <Table<Dispute>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...props.disputes]}
      pagination={props.disputes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> }}
      data-testid={props.testId}
    />
  );
}
