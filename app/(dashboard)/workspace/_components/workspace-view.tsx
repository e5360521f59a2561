'use client';

// 我的工作台: a department's to-do list — obligations overdue and due soon (with 计算依据), open alerts with the
// fix each asks for, complaints to sign for or answer — each row with the button that does it.
import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { RULE_KIND_LABELS } from '../../../../lib/alerts/labels';
import { domainLabel } from '../../../../lib/catalog/domains';
import type { DisputeWindow } from '../../../../lib/disputes/dispute-windows';
import { formatCount, formatTime } from '../../../../lib/format/shanghai-time';
import type { ObligationView } from '../../../../lib/obligations/queries';
import { publishFormHref } from '../../../../lib/workspace/alert-fix';
import type { Listed, Workspace, WorkspaceAlert, WorkspaceComplaint, WorkspaceLimits, WorkspaceList } from '../../../../lib/workspace/get-workspace';
import { moreRowsQuery } from '../../../../lib/workspace/workspace-limits';
import { Countdown } from '../../_components/countdown';
import { StateTag } from '../../complaints/_components/labels';
import { DueDayCell } from '../../_components/deadline-explanation';
import { DisputeButton } from '../../disputes/_components/dispute-button';
import { LEVEL_COLORS } from '../../_components/level-colors';
import { LevelTag } from '../../_components/level-tag';
import { useNow } from '../../_components/use-now';

const { Text, Title } = Typography;

function obligationSubject(o: ObligationView): ReactNode {
  return (
    <div>
      {o.item ? (
        <Link href={`/items/${o.item.id}`}>{o.item.title}</Link>
      ) : (
        <span>
          {o.entry.name} <Text type="secondary">{o.periodKey} 期</Text>
        </span>
      )}
      <div>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {o.entry.code} · {domainLabel(o.entry.domain)}
          {o.item ? '' : ' · 尚未公开'}
        </Text>
      </div>
    </div>
  );
}

const obligationColumns: ColumnsType<ObligationView> = [
  { title: '应公开信息', key: 'subject', render: (_, o) => obligationSubject(o) },
  { title: '期限', dataIndex: 'dueDay', width: 200, render: (_: string, o) => <DueDayCell deadline={o.deadline} /> },
  {
    title: '状态',
    dataIndex: 'level',
    width: 96,
    render: (level: ObligationView['level']) => (level === 'none' ? <Tag color="processing">即将到期</Tag> : <LevelTag level={level} short />),
  },
  {
    title: '操作',
    key: 'action',
    width: 112,
    render: (_, o) => (
      <Button
        size="small"
        type="primary"
        ghost
        href={publishFormHref(o.item ? { itemId: o.item.id } : { entryId: o.entry.id })}
        data-testid="obligation-publish"
      >
        {o.item ? '发布该信息' : '发布本期'}
      </Button>
    ),
  },
];

/** "显示更多" under a list that holds more than it shows. */
function More({ list, shown, total, limits }: { list: WorkspaceList; shown: number; total: number; limits: WorkspaceLimits }) {
  if (shown >= total) return null;
  return (
    <div style={{ padding: '8px 16px', borderTop: '1px solid #f0f0f0', textAlign: 'center' }}>
      <Link href={`/workspace${moreRowsQuery(limits, list)}`} scroll={false} data-testid={`more-${list}`}>
        显示更多（已显示 {formatCount(shown)} 项，共 {formatCount(total)} 项）
      </Link>
    </div>
  );
}

function ObligationCard(props: { title: string; testId: string; list: 'overdue' | 'dueSoon'; data: Listed<ObligationView>; empty: string; limits: WorkspaceLimits }) {
  const { data } = props;
  return (
    <Card
      title={props.title}
      extra={<Text type="secondary">共 {formatCount(data.total)} 项</Text>}
      styles={{ body: { padding: 0 } }}
      data-testid={props.testId}
    >
      <Table<ObligationView>
        rowKey="id"
        size="small"
        columns={obligationColumns}
        dataSource={data.rows}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> }}
      />
      <More list={props.list} shown={data.rows.length} total={data.total} limits={props.limits} />
    </Card>
  );
}

function AlertRow({ row, isDisputed, disputeWindow }: { row: WorkspaceAlert; isDisputed: boolean; disputeWindow: DisputeWindow | undefined }) {
  const { alert, fix } = row;
  return (
    <div style={{ padding: '10px 16px', borderBottom: '1px solid #f5f5f5', display: 'flex', gap: 16, alignItems: 'center' }} data-testid="workspace-alert" data-alert-id={alert.id}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={6} wrap>
          <LevelTag level={alert.level} isDeadline={alert.rule.kind === 'deadline'} look="soft" />
          <Tag>{RULE_KIND_LABELS[alert.rule.kind]}</Tag>
          {alert.state === 'acknowledged' && <Tag color="processing">公开办已确认</Tag>}
          <Text strong>
            {alert.itemId ? (
              <Link href={`/items/${alert.itemId}`}>{alert.subject.title}</Link>
            ) : fix.kind === 'complaint' ? (
              <Link href={fix.href}>{alert.subject.title}</Link>
            ) : (
              alert.subject.title
            )}
          </Text>
        </Space>
        <div style={{ marginTop: 4 }}>
          <Text type="secondary">{alert.message}</Text>
          <Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>
            {formatTime(alert.openedAt)} 发出
          </Text>
        </div>
      </div>
      {isDisputed ? (
        <Tag color="purple" data-testid="alert-disputed" style={{ flexShrink: 0 }}>
          申诉处理中
        </Tag>
      ) : disputeWindow?.isOpen ? (
        <Tooltip title={`可在 ${formatTime(disputeWindow.endsAt)} 前申诉`}>
          <span style={{ flexShrink: 0 }}>
            <DisputeButton subject={{ type: 'alert', id: alert.id }} title={`${alert.subject.title}：${alert.message}`} />
          </span>
        </Tooltip>
      ) : (
        disputeWindow && (
          <Text type="secondary" style={{ flexShrink: 0, fontSize: 12 }} data-testid="dispute-closed">
            申诉期已过
          </Text>
        )
      )}
      {fix.href === null ? (
        <Text type="secondary" data-testid="alert-fix" style={{ flexShrink: 0 }}>
          {fix.label}
        </Text>
      ) : (
        <Button type="primary" href={fix.href} data-testid="alert-fix" style={{ flexShrink: 0 }}>
          {fix.label}
        </Button>
      )}
    </div>
  );
}

const complaintTodoLabels: Record<WorkspaceComplaint['todo'], string> = { accept: '签收', reply: '答复' };

function ComplaintRow({ row, nowMs }: { row: WorkspaceComplaint; nowMs: number | null }) {
  const { complaint, todo } = row;
  return (
    <div style={{ padding: '10px 16px', borderBottom: '1px solid #f5f5f5', display: 'flex', gap: 16, alignItems: 'center' }} data-testid="workspace-complaint">
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={6} wrap>
          <StateTag state={complaint.state} />
          {complaint.level !== 'none' && <LevelTag level={complaint.level} look="soft" short />}
          <Text code>{complaint.trackingCode}</Text>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {todo === 'accept' ? '签收' : '答复'}期限 {complaint.currentDueAt ? formatTime(complaint.currentDueAt) : '—'} ·{' '}
            <Countdown dueAt={complaint.currentDueAt} level={complaint.level} nowMs={nowMs} />
          </Text>
        </Space>
        <div style={{ marginTop: 4 }}>
          <Text ellipsis style={{ maxWidth: '100%' }}>
            {complaint.excerpt}
          </Text>
        </div>
      </div>
      <Button type="primary" href={`/complaints/${complaint.id}`} data-testid="complaint-todo" style={{ flexShrink: 0 }}>
        {complaintTodoLabels[todo]}
      </Button>
    </div>
  );
}

export function WorkspaceView({
  workspace,
  limits,
  disputedAlertIds = [],
  disputeWindows = {},
}: {
  workspace: Workspace;
  limits: WorkspaceLimits;
  /** Alerts with a pending dispute (申诉处理中): their row shows that instead of the 申诉 button. */
  disputedAlertIds?: readonly number[];
  /** 申诉期限 of each listed alert (lib/disputes/dispute-windows): the 申诉 button only while it is open. */
  disputeWindows?: Readonly<Record<number, DisputeWindow>>;
}) {
  const { department, overdue, dueSoon, alerts, complaints } = workspace;
  const disputed = new Set(disputedAlertIds);
  const nowMs = useNow();
  const stats = [
    { key: 'overdue', title: '超期未公开', value: overdue.total, color: overdue.total > 0 ? LEVEL_COLORS.orange.ink : undefined },
    { key: 'dueSoon', title: '近期到期', value: dueSoon.total, color: dueSoon.total > 0 ? LEVEL_COLORS.yellow.ink : undefined },
    { key: 'alerts', title: '待处理预警', value: alerts.total, color: alerts.total > 0 ? LEVEL_COLORS.red.ink : undefined },
    { key: 'complaints', title: '待签收 / 答复投诉', value: complaints.total, color: undefined },
  ];
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
        <div>
          <Title level={3} style={{ margin: 0 }}>
            我的工作台
          </Title>
          <Text type="secondary" data-testid="workspace-department">
            {department.name} · {department.regionName} · 负责公开事项 {formatCount(department.catalogEntries)} 项
          </Text>
        </div>
        <Button type="primary" size="large" icon={<FormOutlined />} href={publishFormHref(null)} data-testid="publish-new">
          报送信息
        </Button>
      </div>

      <Row gutter={16} data-testid="workspace-counts">
        {stats.map((stat) => (
          <Col span={6} key={stat.key}>
            <Card>
              <div data-testid={`count-${stat.key}`}>
                <Statistic title={stat.title} value={stat.value} suffix="项" styles={{ content: { color: stat.color } }} />
              </div>
              {stat.key === 'alerts' && (
                <Text type="secondary" style={{ fontSize: 12 }}>
                  红色 {alerts.byLevel.red} · 橙色 {alerts.byLevel.orange} · 黄色 {alerts.byLevel.yellow}
                </Text>
              )}
              {stat.key === 'complaints' && (
                <Text type="secondary" style={{ fontSize: 12 }}>
                  待签收 {complaints.toAccept} · 待答复 {complaints.toReply}
                </Text>
              )}
              {stat.key === 'overdue' && (
                <Text type="secondary" style={{ fontSize: 12 }}>
                  应尽快公开，逾期计入考核
                </Text>
              )}
              {stat.key === 'dueSoon' && (
                <Text type="secondary" style={{ fontSize: 12 }}>
                  5 个工作日内到期
                </Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <ObligationCard title="超期未公开" testId="workspace-overdue" list="overdue" data={overdue} empty="没有超期未公开的公开义务" limits={limits} />
        </Col>
        <Col span={12}>
          <ObligationCard
            title="近期到期（5 个工作日内）"
            testId="workspace-due-soon"
            list="dueSoon"
            data={dueSoon}
            empty="5 个工作日内没有到期的公开义务"
            limits={limits}
          />
        </Col>
      </Row>

      <Card
        title="待处理预警"
        extra={
          <Space size={16}>
            <Text type="secondary">按级别从高到低 · 共 {formatCount(alerts.total)} 条</Text>
            <Link href="/workspace/deductions">扣分与申诉</Link>
          </Space>
        }
        style={{ marginTop: 16 }}
        styles={{ body: { padding: 0 } }}
        data-testid="workspace-alerts"
      >
        {alerts.rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有待处理的预警" style={{ padding: 24 }} />
        ) : (
          alerts.rows.map((row) => <AlertRow key={row.alert.id} row={row} isDisputed={disputed.has(row.alert.id)} disputeWindow={disputeWindows[row.alert.id]} />)
        )}
        <More list="alerts" shown={alerts.rows.length} total={alerts.total} limits={limits} />
      </Card>

      <Card
        title="待办投诉件"
        extra={<Link href="/complaints">全部投诉件</Link>}
        style={{ marginTop: 16 }}
        styles={{ body: { padding: 0 } }}
        data-testid="workspace-complaints"
      >
        {complaints.rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待签收或待答复的投诉件" style={{ padding: 24 }} />
        ) : (
          complaints.rows.map((row) => <ComplaintRow key={row.complaint.id} row={row} nowMs={nowMs} />)
        )}
        <More list="complaints" shown={complaints.rows.length} total={complaints.total} limits={limits} />
      </Card>
    </div>
  );
}
