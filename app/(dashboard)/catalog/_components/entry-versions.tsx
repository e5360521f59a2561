'use client';

import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { describeTimeLimit } from '../../../../lib/catalog/describe-time-limit';
import { MODE_LABELS } from '../../../../lib/catalog/domains';
import type { EntryVersion } from '../../../../lib/catalog/entry-versions';
import { formatTime } from '../../../../lib/format/shanghai-time';
import { StaffName } from '../../_components/staff-name';

function stateTag(version: EntryVersion) {
  if (version.approval === 'pending') return <Tag color="orange">待审批</Tag>;
  if (version.approval === 'rejected') return <Tag>已驳回</Tag>;
  if (version.isCurrent && version.retiredAt) return <Tag color="default">已停用</Tag>;
  if (version.isCurrent) return <Tag color="green">当前版本</Tag>;
  return <Tag>历史版本</Tag>;
}

async function post(url: string, body?: unknown): Promise<{ ok: boolean; message?: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch(() => null);
  const json = response ? await response.json().catch(() => null) : null;
  return { ok: Boolean(response?.ok), message: json?.error?.message };
}

// 版本记录: every version of the entry, which one is in force, and the actions an office may take on it
export function EntryVersions({ versions, shownId, canManage }: { versions: EntryVersion[]; shownId: number; canManage: boolean }) {
  const router = useRouter();
  const { message } = App.useApp();
  const current = versions.find((v) => v.isCurrent);

  async function act(url: string, done: string, body?: unknown) {
    const result = await post(url, body);
    if (!result.ok) return void message.error(result.message ?? '操作失败，请检查网络后重试');
    message.success(done);
    router.refresh();
  }

  return (
    <Card
      title="版本记录"
      style={{ marginTop: 16 }}
      data-testid="entry-versions"
      extra={
        canManage &&
        current &&
        !current.retiredAt && (
          <Space>
            <Link href={`/catalog/${current.id}/edit`}>
              <Button type="primary">修改（生成新版本）</Button>
            </Link>
            <Popconfirm title="停用该事项？" description="停用后不再形成新的公开义务，已形成的义务不受影响。" okText="停用" cancelText="取消" onConfirm={() => act(`/api/v1/catalog/${current.id}/retire`, '事项已停用')}>
              <Button danger>停用</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Table<EntryVersion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={versions}
        rowClassName={(v) => (v.id === shownId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '版本', dataIndex: 'version', width: 70, render: (v: number, row) => (row.id === shownId ? <Typography.Text strong>v{v}</Typography.Text> : <Link href={`/catalog/${row.id}`}>v{v}</Link>) },
          { title: '状态', key: 'state', width: 100, render: (_: unknown, row) => stateTag(row) },
          {
            title: '公开时限',
            dataIndex: 'timeLimit',
            render: (limit: EntryVersion['timeLimit']) => (
              <div>
                <div>{limit.text}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {describeTimeLimit(limit)}
                </Typography.Text>
              </div>
            ),
          },
          { title: '公开方式', dataIndex: 'mode', width: 100, render: (mode: EntryVersion['mode']) => MODE_LABELS[mode] },
          { title: '按此版本形成的义务', dataIndex: 'obligations', width: 150, align: 'right' },
          { title: '修改人', key: 'by', width: 120, render: (_: unknown, row) => (row.changedBy ? <StaffName actor={row.changedBy} name={row.changedByName} /> : '初始导入') },
          { title: '时间', dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
          {
            title: '审批',
            key: 'approval',
            width: 150,
            render: (_: unknown, row) =>
              row.mayDecide ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => act(`/api/v1/catalog/${row.id}/approval`, '已批准，不予公开生效', { approve: true })}>
                    批准
                  </Button>
                  <Button type="link" size="small" danger onClick={() => act(`/api/v1/catalog/${row.id}/approval`, '已驳回', { approve: false })}>
                    驳回
                  </Button>
                </Space>
              ) : row.approvedBy ? (
                <Typography.Text type="secondary">
                  <StaffName actor={row.approvedBy} name={row.approvedByName} />
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
