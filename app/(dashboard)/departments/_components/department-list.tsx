'use client';

import { Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import type { DepartmentStats } from '../../../../lib/departments/queries';
import type { RegionSummary } from '../../../../lib/regions/queries';
import { formatCount } from '../../../../lib/format/shanghai-time';

const { Text } = Typography;

interface Filter {
  regionId: string | null;
  q: string;
  page: number;
}

const INDENT = { province: 0, city: 16, county: 32 } as const;

function hrefOf(pathname: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.regionId) params.set('regionId', filter.regionId);
  if (filter.q) params.set('q', filter.q);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

const danger = (value: number) => (value > 0 ? <Text type="danger">{formatCount(value)}</Text> : <Text type="secondary">0</Text>);

const columns: ColumnsType<DepartmentStats> = [
  {
    title: '部门',
    dataIndex: 'name',
    render: (name: string, row) => (
      <Link href={`/departments/${row.id}`} data-testid="department-link">
        {name}
      </Link>
    ),
  },
  { title: '组织机构代码', dataIndex: 'orgCode', width: 140, render: (code: string) => <Text code>{code}</Text> },
  { title: '区域', dataIndex: 'regionName', width: 120 },
  {
    title: '公开事项',
    dataIndex: 'catalogEntries',
    width: 110,
    align: 'right',
    render: (value: number, row) => (value > 0 ? <Link href={`/catalog?departmentId=${row.id}`}>{formatCount(value)}</Link> : 0),
  },
  { title: '未履行义务', dataIndex: 'openObligations', width: 120, align: 'right', render: formatCount },
  { title: '其中超期', dataIndex: 'overdueObligations', width: 110, align: 'right', render: danger },
  { title: '未解除预警', dataIndex: 'openAlerts', width: 120, align: 'right', render: danger },
];

export function DepartmentList(props: {
  rows: DepartmentStats[];
  total: number;
  regions: RegionSummary[];
  filter: Filter;
  pageSize: number;
  isDepartmentUser: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const go = (change: Partial<Filter>) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page: 1, ...change })));
  const regionName = props.regions.find((region) => region.code === props.filter.regionId)?.name;

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        部门
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {regionName ?? '管辖范围内'}各部门的公开事项、未履行公开义务和未解除预警，超期最多的部门排在最前。
      </Typography.Paragraph>
      <Card>
        {!props.isDepartmentUser && (
          <Space size={12} wrap style={{ marginBottom: 16 }}>
            <Select
              placeholder="全部区域"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={props.filter.regionId ?? undefined}
              onChange={(value?: string) => go({ regionId: value ?? null })}
              options={props.regions.map((region) => ({ value: region.code, label: region.name, level: region.level }))}
              // the tree shows in the list by indentation; the chosen value shows the name alone
              optionRender={(option) => (
                <span style={{ paddingInlineStart: INDENT[option.data.level as RegionSummary['level']] }}>{option.label}</span>
              )}
              style={{ width: 260 }}
              aria-label="按区域筛选"
            />
            <Input.Search
              placeholder="搜索部门名称"
              allowClear
              enterButton="搜索"
              key={props.filter.q}
              defaultValue={props.filter.q}
              onSearch={(value) => go({ q: value.trim() })}
              style={{ width: 360 }}
              maxLength={50}
              aria-label="搜索部门"
            />
          </Space>
        )}
        <Table<DepartmentStats>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={props.rows}
          pagination={{
            current: props.filter.page,
            pageSize: props.pageSize,
            total: props.total,
            showSizeChanger: false,
            showTotal: (total) => `共 ${formatCount(total)} 个部门`,
            onChange: (page) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page }))),
          }}
          locale={{ emptyText: <Empty description="没有找到符合条件的部门" /> }}
          data-testid="department-table"
        />
      </Card>
    </div>
  );
}
