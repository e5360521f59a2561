'use client';

import { Breadcrumb, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import type { PendingEntry, UnmeasurableEntry } from '../../../../lib/catalog/entry-versions';
import { formatTime } from '../../../../lib/format/shanghai-time';
import { StaffName } from '../../_components/staff-name';

interface Props {
  unmeasurable: UnmeasurableEntry[];
  total: number;
  page: number;
  pageSize: number;
  pending: PendingEntry[];
}

export function IncompleteEntries({ unmeasurable, total, page, pageSize, pending }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link href="/catalog">公开目录</Link> }, { title: '待完善与待审批' }]} />
      <Card title={`不予公开待审批（${pending.length}）`} style={{ marginBottom: 16 }}>
        <Table<PendingEntry>
          rowKey="id"
          size="small"
          dataSource={pending}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审批的不予公开变更" /> }}
          columns={[
            { title: '编码', dataIndex: 'code', width: 140, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
            { title: '事项', dataIndex: 'name', render: (name: string, row) => <Link href={`/catalog/${row.id}`}>{name}</Link> },
            { title: '区域', dataIndex: 'regionName', width: 140 },
            { title: '不予公开理由', dataIndex: 'withheldReason', ellipsis: true },
            {
              title: '提交人',
              dataIndex: 'changedBy',
              width: 160,
              render: (by: string | null, row) => (by ? <StaffName actor={by} name={row.changedByName} /> : '—'),
            },
            { title: '提交时间', dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
          ]}
        />
      </Card>
      <Card
        title={
          <span>
            待完善事项 <Tag color="orange">{total}</Tag>
          </span>
        }
        extra={<Typography.Text type="secondary">公开时限为“及时”“按进展”“长期公开”等无法量化的表述，系统无法检查是否按时公开</Typography.Text>}
      >
        <Table<UnmeasurableEntry>
          rowKey="id"
          size="middle"
          dataSource={unmeasurable}
          locale={{ emptyText: <Empty description="所有事项的公开时限都可以检查" /> }}
          pagination={{ current: page, pageSize, total, showSizeChanger: false, onChange: (next) => router.push(`${pathname}?page=${next}`) }}
          columns={[
            { title: '编码', dataIndex: 'code', width: 140, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
            { title: '事项名称', dataIndex: 'name', render: (name: string, row) => <Link href={`/catalog/${row.id}`}>{name}</Link> },
            { title: '区域', dataIndex: 'regionName', width: 140 },
            { title: '公开主体', dataIndex: 'departmentName', width: 220 },
            { title: '现有时限', dataIndex: 'timeLimitText', width: 160, render: (text: string) => <Typography.Text type="warning">{text}</Typography.Text> },
            {
              title: '操作',
              key: 'edit',
              width: 110,
              render: (_: unknown, row) => (
                <Link href={`/catalog/${row.id}/edit`}>
                  <Button size="small">设为可检查</Button>
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
