'use client';

import { Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { AUDIT_ENTITY_LABELS, type AuditRow } from '../../../../../lib/audit/list-audit';
import { AUDIT_ENTITIES, type AuditEntity } from '../../../../../lib/audit/record-audit';
import { formatTime } from '../../../../../lib/format/shanghai-time';
import { DayRangePicker, type DayRange } from '../../../_components/day-pickers';
import { StaffName } from '../../../_components/staff-name';

interface Filter {
  entity: AuditEntity | null;
  actor: string;
  from: string;
  to: string;
  page: number;
}

const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  enable: '启用',
  disable: '停用',
  retire: '停用',
  activate: '启用账号',
  reject: '驳回',
  propose_withheld: '提请不予公开',
  load: '载入',
  set_day: '修改单日',
  replace: '替换',
  reset_password: '重置密码',
  deactivate: '停用账号',
  change_assignment: '调整角色/区域',
  issue: '签发',
  revoke: '吊销',
  approve: '审批通过',
  import: '导入',
  file: '提出申诉',
  accept: '申诉成立',
};

function hrefOf(pathname: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.entity) params.set('entity', filter.entity);
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

const columns: ColumnsType<AuditRow> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatTime(at) },
  { title: '操作人', dataIndex: 'actor', width: 160, render: (actor: string, row) => <StaffName actor={actor} name={row.actorName} /> },
  {
    title: '对象',
    dataIndex: 'entity',
    width: 120,
    render: (entity: AuditEntity) => <Tag>{AUDIT_ENTITY_LABELS[entity]}</Tag>,
  },
  { title: '对象编号', dataIndex: 'entityId', width: 120 },
  { title: '操作', dataIndex: 'action', width: 120, render: (action: string) => ACTION_LABELS[action] ?? action },
  {
    title: '变更摘要',
    key: 'summary',
    ellipsis: true,
    render: (_: unknown, row) => <Typography.Text type="secondary">{summary(row)}</Typography.Text>,
  },
];

/** The values that differ between before and after, e.g. "params.warnWorkingDays: 3 → 5". */
function summary(row: AuditRow): string {
  if (!isObject(row.before) || !isObject(row.after)) return row.after !== null && row.after !== undefined ? '见详情' : '—';
  const changes = diff(row.before, row.after, '');
  return changes.length > 0 ? changes.join('；') : '无字段变化';
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>, prefix: string): string[] {
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (isObject(a) && isObject(b)) {
      changes.push(...diff(a, b, `${prefix}${key}.`));
      continue;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push(`${prefix}${key}: ${short(a)} → ${short(b)}`);
  }
  return changes;
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? '—';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function AuditSearch(props: { rows: AuditRow[]; total: number; pageSize: number; filter: Filter }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const go = (change: Partial<Filter>) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page: 1, ...change })));

  return (
    <Card title="审计日志" extra={<Typography.Text type="secondary">记录目录、规则、日历、用户、密钥与权重的每一次变更，不可修改或删除</Typography.Text>}>
      <Form
        // keyed by the URL's filter, so 重置 and back / forward show the filter in force
        key={`${props.filter.entity}|${props.filter.actor}|${props.filter.from}|${props.filter.to}`}
        layout="inline"
        initialValues={{ entity: props.filter.entity, actor: props.filter.actor, range: { from: props.filter.from, to: props.filter.to } }}
        onFinish={(values: { entity?: AuditEntity | null; actor?: string; range?: DayRange }) =>
          go({ entity: values.entity ?? null, actor: values.actor?.trim() ?? '', from: values.range?.from ?? '', to: values.range?.to ?? '' })
        }
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label="对象" name="entity">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: AUDIT_ENTITY_LABELS[entity] }))}
          />
        </Form.Item>
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名或用户名" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="时间" name="range">
          <DayRangePicker style={{ width: 260 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={isPending}>
              查询
            </Button>
            <Button onClick={() => go({ entity: null, actor: '', from: '', to: '' })}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={props.rows}
        loading={isPending}
        locale={{ emptyText: <Empty description="没有符合条件的审计记录" /> }}
        expandable={{
          expandedRowRender: (row) => (
            <Space align="start" size="large" style={{ width: '100%' }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>变更前</Typography.Text>
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{json(row.before)}</pre>
              </div>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>变更后</Typography.Text>
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{json(row.after)}</pre>
              </div>
            </Space>
          ),
        }}
        pagination={{
          current: props.filter.page,
          pageSize: props.pageSize,
          total: props.total,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 条`,
          onChange: (page) => go({ page }),
        }}
      />
    </Card>
  );
}
