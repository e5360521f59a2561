'use client';

// The handler's queue (投诉处理): open complaints with their SLA countdown, sortable by time left, filtered
// by state, channel, department and level; a complaint filed anywhere in scope appears live.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { ComplaintState } from '../../../../lib/complaints/complaint';
import { CHANNEL_LABELS, STATE_LABELS, STATES } from '../../../../lib/complaints/complaint';
import type { ComplaintListQuery, ComplaintSummary, DepartmentOption } from '../../../../lib/complaints/queries';
import { useRealtimeEvent } from '../../../_client/use-realtime';
import { ConnectionStatusBadge } from '../../_components/connection-status';
import { formatDayTime } from '../../../../lib/format/shanghai-time';
import { ALERT_LEVELS } from '../../../../lib/alerts/labels';
import { LEVEL_TERMS } from '../../../../lib/rules/level';
import { useNow } from '../../_components/use-now';
import { LevelTag } from '../../_components/level-tag';
import { Countdown } from '../../_components/countdown';
import { ChannelTag, StateTag } from './labels';
import styles from './complaints.module.css';
import { RegisterDrawer } from './register-drawer';

const { Text } = Typography;

const WAITING_FOR: Record<ComplaintState, string> = {
  received: '待派单',
  returned: '待改派',
  reopened: '待重新派单',
  assigned: '待签收',
  accepted: '待答复',
  in_progress: '待答复',
  replied: '待回访评价',
  closed: '已办结',
};

interface Props {
  rows: ComplaintSummary[];
  total: number;
  page: number;
  pageSize: number;
  filter: ComplaintListQuery;
  departments: DepartmentOption[];
  canRegister: boolean;
  isDepartmentView: boolean;
}

type Filter = ComplaintListQuery & { page: number };

function hrefOf(pathname: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.state !== 'open') params.set('state', filter.state);
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.departmentId) params.set('departmentId', String(filter.departmentId));
  if (filter.level) params.set('level', filter.level);
  if (filter.q) params.set('q', filter.q);
  if (filter.sort !== 'due') params.set('sort', filter.sort);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

// several updates in a burst (the simulator, a sweep) reload the list once
const REFRESH_DEBOUNCE_MS = 400;

export function ComplaintQueue(props: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const nowMs = useNow();
  const { notification } = App.useApp();
  const [isPending, startTransition] = useTransition();
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [isRegistering, setRegistering] = useState(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const current: Filter = { ...props.filter, page: props.page };
  const go = (change: Partial<Filter>) => startTransition(() => router.push(hrefOf(pathname, { ...current, page: 1, ...change })));

  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  useRealtimeEvent('complaint:updated', (update) => {
    if (update.events.includes('received')) {
      setFresh((ids) => new Set(ids).add(update.complaint.id));
      if (!props.isDepartmentView) {
        notification.info({
          title: `新投诉件 ${update.complaint.trackingCode}`,
          description: `${CHANNEL_LABELS[update.complaint.channel]} · ${update.complaint.departmentName ?? update.complaint.regionName}`,
          placement: 'bottomRight',
          duration: 4,
        });
      }
    }
    if (props.isDepartmentView && update.events.includes('reminded')) {
      notification.warning({ title: `催办：投诉件 ${update.complaint.trackingCode}`, description: '投诉处理人员催促尽快办理', placement: 'bottomRight' });
    }
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => startTransition(() => router.refresh()), REFRESH_DEBOUNCE_MS);
  });

  const allColumns: ColumnsType<ComplaintSummary> = [
    {
      title: '查询码',
      dataIndex: 'trackingCode',
      width: 150,
      render: (code: string, row) => (
        <Space size={4}>
          <Link href={`/complaints/${row.id}`} data-testid="complaint-link">
            <Text code style={{ whiteSpace: 'nowrap' }}>{code}</Text>
          </Link>
          {fresh.has(row.id) && <span className={styles.newBadge}>新</span>}
        </Space>
      ),
    },
    { title: '渠道', dataIndex: 'channel', width: 70, render: (channel: ComplaintSummary['channel']) => <ChannelTag channel={channel} /> },
    {
      title: '状态',
      dataIndex: 'state',
      width: 150,
      render: (state: ComplaintState, row) => (
        <Space size={2} wrap>
          <StateTag state={state} />
          {row.level !== 'none' && <LevelTag level={row.level} short look="soft" />}
        </Space>
      ),
    },
    {
      title: '投诉人',
      key: 'complainant',
      width: 130,
      render: (_: unknown, row) => (
        <div style={{ lineHeight: 1.4 }}>
          <div>{row.complainantName ?? <Text type="secondary">未留姓名</Text>}</div>
          <Text type="secondary" style={{ fontSize: 12 }}>{row.phone}</Text>
        </div>
      ),
    },
    {
      title: '涉及部门',
      key: 'department',
      width: 200,
      render: (_: unknown, row) => (
        <div style={{ lineHeight: 1.4 }}>
          <div>{row.departmentName ?? <Text type="warning">未定（待派单）</Text>}</div>
          <Text type="secondary" style={{ fontSize: 12 }}>{row.regionName}</Text>
        </div>
      ),
    },
    {
      title: '投诉内容',
      dataIndex: 'excerpt',
      ellipsis: true,
      render: (excerpt: string) => <span title={excerpt}>{excerpt}</span>,
    },
    {
      title: '受理时间',
      dataIndex: 'receivedAt',
      width: 110,
      sorter: true,
      sortOrder: props.filter.sort === 'received' ? 'descend' : null,
      sortDirections: ['descend'],
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDayTime(at)}</span>,
    },
    {
      title: '剩余时限',
      key: 'due',
      width: 170,
      sorter: true,
      sortOrder: props.filter.sort === 'due' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (_: unknown, row) => (
        <div style={{ lineHeight: 1.4 }}>
          <Countdown dueAt={row.currentDueAt} level={row.level} nowMs={nowMs} />
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>{WAITING_FOR[row.state]}</Text>
          </div>
        </div>
      ),
    },
  ];

  // a department's own name in every row says nothing
  const columns = props.isDepartmentView ? allColumns.filter((column) => column.key !== 'department') : allColumns;
  const title = props.isDepartmentView ? '本部门投诉件' : '投诉处理';
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
            {props.isDepartmentView
              ? '派给本部门的投诉件：请在 1 个工作日内签收，在答复期限内答复；无法办理的请回退并说明理由。'
              : '电话、现场和网上投诉件，按剩余时限排序：派单 1 个工作日、签收 1 个工作日、答复 13 个工作日（以规则配置为准）。'}
          </Typography.Paragraph>
        </div>
        <Space>
          <ConnectionStatusBadge />
          {props.canRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-complaint">
              登记投诉
            </Button>
          )}
        </Space>
      </Space>
      <Card>
        <Space size={12} wrap style={{ marginBottom: 16 }}>
          <Select
            value={props.filter.state}
            onChange={(state: ComplaintListQuery['state']) => go({ state })}
            options={[
              { value: 'open', label: '未办结' },
              { value: 'all', label: '全部状态' },
              ...STATES.map((state) => ({ value: state, label: STATE_LABELS[state] })),
            ]}
            style={{ width: 130 }}
            aria-label="按状态筛选"
          />
          <Select
            placeholder="全部渠道"
            allowClear
            value={props.filter.channel}
            onChange={(channel?: ComplaintListQuery['channel']) => go({ channel })}
            options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label: `${label}投诉` }))}
            style={{ width: 130 }}
            aria-label="按渠道筛选"
          />
          {!props.isDepartmentView && (
            <Select
              placeholder="全部部门"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={props.filter.departmentId}
              onChange={(departmentId?: number) => go({ departmentId })}
              options={props.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.regionName}）` }))}
              style={{ width: 300 }}
              aria-label="按部门筛选"
            />
          )}
          <Select
            placeholder="全部时限状态"
            allowClear
            value={props.filter.level}
            onChange={(level?: ComplaintListQuery['level']) => go({ level })}
            options={[
              { value: 'late', label: '已超期' },
              ...ALERT_LEVELS.map((level) => ({ value: level, label: LEVEL_TERMS[level] })),
            ]}
            style={{ width: 140 }}
            aria-label="按时限状态筛选"
          />
          <Input.Search
            placeholder="查询码或投诉内容"
            allowClear
            enterButton="搜索"
            key={props.filter.q ?? ''}
            defaultValue={props.filter.q}
            onSearch={(value) => go({ q: value.trim() || undefined })}
            style={{ width: 300 }}
            maxLength={50}
            aria-label="搜索投诉件"
          />
          <Button icon={<ReloadOutlined />} onClick={() => startTransition(() => router.refresh())} aria-label="刷新">
            刷新
          </Button>
        </Space>
        <Table<ComplaintSummary>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={props.rows}
          rowClassName={(row) => (fresh.has(row.id) ? (styles.fresh ?? '') : '')}
          onChange={(_pagination, _filters, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            if (one?.columnKey === 'due' || one?.field === 'receivedAt') {
              go({ sort: one.field === 'receivedAt' ? 'received' : 'due', page: props.page });
            }
          }}
          pagination={{
            current: props.page,
            pageSize: props.pageSize,
            total: props.total,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 件`,
            onChange: (page) => startTransition(() => router.push(hrefOf(pathname, { ...current, page }))),
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  props.filter.state === 'open' && !props.filter.q ? '暂无待办投诉件，新投诉件会实时出现在这里' : '没有符合条件的投诉件'
                }
              />
            ),
          }}
          data-testid="complaint-table"
        />
      </Card>
      {props.canRegister && (
        <RegisterDrawer
          open={isRegistering}
          departments={props.departments}
          onClose={() => setRegistering(false)}
          onFiled={(id) => {
            setRegistering(false);
            router.push(`/complaints/${id}`);
          }}
        />
      )}
    </div>
  );
}
