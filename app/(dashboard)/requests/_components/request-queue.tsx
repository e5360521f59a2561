'use client';

// 依申请公开 queue: the requests of the user's scope with the countdown of the office's next step, sortable by
// time left, filtered by state, agency, level and channel; letters and visits are registered here.
import { LeftOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { ALERT_LEVELS } from '../../../../lib/alerts/labels';
import type { DepartmentOption } from '../../../../lib/complaints/queries';
import { dueDayOf } from '../../../../lib/deadlines/due-day';
import { formatDayTime } from '../../../../lib/format/shanghai-time';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, CHANNELS, STATE_LABELS, STATES, type RequestView } from '../../../../lib/requests/request';
import { LEVEL_TERMS } from '../../../../lib/rules/level';
import { RequestStateTag } from '../../../_client/request-state-tag';
import { useRealtimeEvent } from '../../../_client/use-realtime';
import { ConnectionStatusBadge } from '../../_components/connection-status';
import { Countdown } from '../../_components/countdown';
import { LevelTag } from '../../_components/level-tag';
import { useNow } from '../../_components/use-now';
import { RegisterRequestDrawer } from './register-request-drawer';
import type { RequestQueueFilter } from './queue-filter';
import styles from './requests.module.css';
import { waitingStep } from '../../../../lib/requests/waiting-step';

const { Text } = Typography;

interface Props {
  rows: RequestView[];
  /** The cursor of the next page, if any. */
  next: string | null;
  /** The cursor that opened this page (null: the first), and those of the pages before it. */
  cursor: string | null;
  trail: string[];
  pageSize: number;
  filter: RequestQueueFilter;
  departments: DepartmentOption[];
  canRegister: boolean;
  isDepartmentView: boolean;
}

// several updates in a burst (the simulator, a sweep) reload the list once
const REFRESH_DEBOUNCE_MS = 400;

/** The first page in a trail of cursors (it has none). */
const FIRST_PAGE = '0';

type Filter = RequestQueueFilter & { cursor?: string | null; trail?: string[] };

function hrefOf(pathname: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.state !== 'open') params.set('state', filter.state);
  if (filter.channel) params.set('channel', filter.channel);
  if (filter.departmentId) params.set('departmentId', String(filter.departmentId));
  if (filter.level) params.set('level', filter.level);
  if (filter.sort !== 'due') params.set('sort', filter.sort);
  if (filter.cursor) {
    params.set('cursor', filter.cursor);
    params.set('trail', (filter.trail ?? []).join('~'));
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

export function RequestQueue(props: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const nowMs = useNow();
  const [isPending, startTransition] = useTransition();
  const [isRegistering, setRegistering] = useState(false);
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const { notification } = App.useApp();
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  // a new application (online or registered elsewhere) appears without a reload, marked 新
  useRealtimeEvent('request:updated', (update) => {
    if (!props.rows.some((row) => row.id === update.id)) setFresh((ids) => new Set(ids).add(update.id));
    if (update.event === 'submitted') {
      notification.info({ title: `新申请 ${update.trackingCode}`, description: '网上申请，待确认收到', placement: 'bottomRight', duration: 4 });
    }
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => startTransition(() => router.refresh()), REFRESH_DEBOUNCE_MS);
  });
  // a change of filter or order starts again at the first page
  const go = (change: Partial<Filter>) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, ...change })));
  const pageNumber = props.trail.length + 1;
  const previous = props.trail[props.trail.length - 1];
  const goPrevious = () => go({ cursor: previous === FIRST_PAGE ? null : previous, trail: props.trail.slice(0, -1) });
  const goNext = () => props.next && go({ cursor: props.next, trail: [...props.trail, props.cursor ?? FIRST_PAGE] });

  const allColumns: ColumnsType<RequestView> = [
    {
      title: '查询码',
      dataIndex: 'trackingCode',
      width: 150,
      render: (code: string, row) => (
        <Space size={4}>
          <Link href={`/requests/${row.id}`} data-testid="request-link">
            <Text code style={{ whiteSpace: 'nowrap' }}>
              {code}
            </Text>
          </Link>
          {fresh.has(row.id) && <span className={styles.newBadge}>新</span>}
        </Space>
      ),
    },
    { title: '方式', dataIndex: 'channel', width: 90, render: (channel: RequestView['channel']) => <Tag>{CHANNEL_LABELS[channel]}</Tag> },
    {
      title: '状态',
      dataIndex: 'state',
      width: 160,
      render: (_: unknown, row) => (
        <Space size={2} wrap>
          <RequestStateTag state={row.state} />
          {row.level !== 'none' && <LevelTag level={row.level} short look="soft" />}
          {row.extendedWorkingDays > 0 && <Tag color="orange">已延期</Tag>}
        </Space>
      ),
    },
    {
      title: '申请人',
      key: 'applicant',
      width: 200,
      render: (_: unknown, row) =>
        row.applicant ? (
          <div style={{ lineHeight: 1.4 }}>
            <div>{row.applicant.name}</div>
            <Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {APPLICANT_TYPE_LABELS[row.applicant.type]} · {row.applicant.phone}
            </Text>
          </div>
        ) : (
          <Text type="secondary">—</Text>
        ),
    },
    {
      title: '受理机关',
      key: 'department',
      width: 210,
      render: (_: unknown, row) => (
        <div style={{ lineHeight: 1.4 }}>
          <div>
            {row.departmentName}
            {row.departmentUnknown && (
              <Text type="secondary" style={{ fontSize: 12 }}>
                （申请人未指明）
              </Text>
            )}
          </div>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {row.regionName}
          </Text>
        </div>
      ),
    },
    {
      title: '所需信息',
      dataIndex: 'description',
      ellipsis: true,
      render: (description: string) => <span title={description}>{excerpt(description)}</span>,
    },
    {
      title: '收到申请',
      key: 'received',
      width: 110,
      sorter: true,
      sortOrder: props.filter.sort === 'received' ? 'descend' : null,
      sortDirections: ['descend'],
      render: (_: unknown, row) =>
        row.receivedAt ? (
          <span style={{ whiteSpace: 'nowrap' }}>{formatDayTime(row.receivedAt)}</span>
        ) : (
          // an online application is received only once confirmed (Art. 31): until then, when it was filed
          <div style={{ lineHeight: 1.4, whiteSpace: 'nowrap' }}>
            <Text type="secondary">{formatDayTime(row.submittedAt)}</Text>
            <div>
              <Text type="secondary" style={{ fontSize: 12 }}>
                提交，待确认
              </Text>
            </div>
          </div>
        ),
    },
    {
      title: '剩余时限',
      key: 'due',
      width: 170,
      sorter: true,
      sortOrder: props.filter.sort === 'due' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (_: unknown, row) => {
        const step = waitingStep(row);
        return (
          <div style={{ lineHeight: 1.4 }}>
            {step.paused ? <Text type="secondary">暂停计时</Text> : <Countdown dueAt={step.dueAt} level={row.level} nowMs={nowMs} />}
            <div>
              <Text type="secondary" style={{ fontSize: 12 }}>
                {step.label}
                {step.applicantDueAt ? `（${dueDayOf(new Date(step.applicantDueAt)).slice(5)} 前）` : ''}
              </Text>
            </div>
          </div>
        );
      },
    },
  ];

  // a department's own name in every row says nothing
  const columns = props.isDepartmentView ? allColumns.filter((column) => column.key !== 'department') : allColumns;
  const isUnfiltered = props.filter.state === 'open' && !props.filter.channel && !props.filter.departmentId && !props.filter.level;
  return (
    <div style={{ maxWidth: 1360, margin: '0 auto' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 24 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {props.isDepartmentView ? '本机关政府信息公开申请' : '依申请公开'}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
            网上申请 1 个工作日内确认收到；自收到申请之日起 20 个工作日内答复，经批准可延长一次、最长 20 个工作日；补正和征求意见的时间不计入（条例第三十条至第三十三条）。
          </Typography.Paragraph>
        </div>
        <Space style={{ flex: 'none' }}>
          <ConnectionStatusBadge />
          {props.canRegister && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-request">
              登记申请
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <Space size={12} wrap style={{ marginBottom: 16 }}>
          <Select
            value={props.filter.state}
            onChange={(state: RequestQueueFilter['state']) => go({ state })}
            options={[
              { value: 'open', label: '待办' },
              { value: 'all', label: '全部状态' },
              ...STATES.map((state) => ({ value: state, label: STATE_LABELS[state] })),
            ]}
            style={{ width: 130 }}
            aria-label="按状态筛选"
          />
          {!props.isDepartmentView && (
            <Select
              placeholder="全部受理机关"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={props.filter.departmentId}
              onChange={(departmentId?: number) => go({ departmentId })}
              options={props.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.regionName}）` }))}
              style={{ width: 300 }}
              aria-label="按受理机关筛选"
            />
          )}
          <Select
            placeholder="全部时限状态"
            allowClear
            value={props.filter.level}
            onChange={(level?: RequestQueueFilter['level']) => go({ level })}
            options={[{ value: 'none', label: '未到期' }, ...ALERT_LEVELS.map((level) => ({ value: level, label: LEVEL_TERMS[level] }))]}
            style={{ width: 140 }}
            aria-label="按时限状态筛选"
          />
          <Select
            placeholder="全部申请方式"
            allowClear
            value={props.filter.channel}
            onChange={(channel?: RequestQueueFilter['channel']) => go({ channel })}
            options={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
            style={{ width: 140 }}
            aria-label="按申请方式筛选"
          />
          <Button icon={<ReloadOutlined />} onClick={() => startTransition(() => router.refresh())} aria-label="刷新">
            刷新
          </Button>
        </Space>
        <Table<RequestView>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={props.rows}
          rowClassName={(row) => (fresh.has(row.id) ? (styles.fresh ?? '') : '')}
          onChange={(_pagination, _filters, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            if (one?.columnKey === 'due' || one?.columnKey === 'received') go({ sort: one.columnKey === 'received' ? 'received' : 'due' });
          }}
          pagination={false}
          locale={{
            emptyText: <Empty description={isUnfiltered ? '暂无待办的政府信息公开申请，新申请会出现在这里' : '没有符合条件的申请'} />,
          }}
          data-testid="request-table"
        />
        {(props.trail.length > 0 || props.next) && (
          <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }} data-testid="request-pager">
            <Text type="secondary">
              第 {pageNumber} 页 · 每页 {props.pageSize} 件
            </Text>
            <Button icon={<LeftOutlined />} disabled={props.trail.length === 0} onClick={goPrevious}>
              上一页
            </Button>
            <Button disabled={!props.next} onClick={goNext}>
              下一页 <RightOutlined />
            </Button>
          </Space>
        )}
      </Card>
      {props.canRegister && (
        <RegisterRequestDrawer
          open={isRegistering}
          departments={props.departments}
          onClose={() => setRegistering(false)}
          onFiled={(id) => {
            setRegistering(false);
            router.push(`/requests/${id}`);
          }}
        />
      )}
    </div>
  );
}
