'use client';

import { ExportOutlined } from '@ant-design/icons';
import { Alert as Notice, Button, Card, Drawer, Empty, Input, Select, Skeleton, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useMemo, useState, useTransition, type MouseEvent } from 'react';
import { DOMAIN_LABELS, DOMAINS, MODE_LABELS, type Domain } from '../../../../lib/catalog/domains';
import type { CatalogEntrySummary, CatalogEntryWithObligations } from '../../../../lib/catalog/queries';
import { channelLabel } from '../../../../lib/rules/evaluate-channels';
import { formatCount } from '../../../../lib/format/shanghai-time';
import type { RegionSummary } from '../../../../lib/regions/queries';
import { CatalogActions } from './catalog-actions';
import { EntryDetail, MODE_COLORS } from './entry-detail';

const { Text } = Typography;

interface Filter {
  domain: Domain | null;
  q: string;
  departmentId: number | null;
  regionId: string | null;
  page: number;
}

interface Props {
  entries: CatalogEntrySummary[];
  total: number;
  byDomain: Record<Domain, number>;
  departments: { id: number; name: string; regionId: string; regionName: string }[];
  /** The regions in scope, for the region filter; empty when the scope holds one region's catalog. */
  regions: RegionSummary[];
  filter: Filter;
  pageSize: number;
  showRegion: boolean;
  /** Supervisors and the admin edit, import and export the catalog. */
  canManage?: boolean;
}

const ALL = 'all';

function hrefOf(pathname: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.domain) params.set('domain', filter.domain);
  if (filter.q) params.set('q', filter.q);
  if (filter.regionId !== null) params.set('regionId', filter.regionId);
  if (filter.departmentId !== null) params.set('departmentId', String(filter.departmentId));
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

function TabLabel({ name, count }: { name: string; count: number }) {
  return (
    <span>
      {name}
      <Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
        {formatCount(count)}
      </Text>
    </span>
  );
}

type EntryState = { id: number; entry: CatalogEntryWithObligations | null; error: string | null };

interface RegionNode {
  value: string;
  title: string;
  children: RegionNode[];
}

/**
 * The regions that hold catalog entries, with the regions above them, as a tree (city → county) for the
 * filter, and each region's codes with those below it.
 */
function regionTree(all: RegionSummary[], withEntries: Set<string>): { roots: RegionNode[]; subtree: Map<string, Set<string>> } {
  const byCode = new Map(all.map((region) => [region.code, region]));
  const kept = new Set<string>();
  for (const code of withEntries) {
    for (let region = byCode.get(code); region && !kept.has(region.code); region = region.parentCode ? byCode.get(region.parentCode) : undefined) {
      kept.add(region.code);
    }
  }
  const regions = all.filter((region) => kept.has(region.code));
  const nodes = new Map(regions.map((region) => [region.code, { value: region.code, title: region.name, children: [] as RegionNode[] }]));
  const roots: RegionNode[] = [];
  for (const region of regions) {
    const parent = region.parentCode ? nodes.get(region.parentCode) : undefined;
    (parent ? parent.children : roots).push(nodes.get(region.code)!);
  }
  const subtree = new Map<string, Set<string>>();
  const collect = (node: RegionNode): Set<string> => {
    const codes = new Set([node.value]);
    for (const child of node.children) for (const code of collect(child)) codes.add(code);
    subtree.set(node.value, codes);
    return codes;
  };
  roots.forEach(collect);
  return { roots, subtree };
}

/** A plain click opens the drawer; a middle click, Ctrl/⌘-click or 在新标签页打开 follows the link. */
const isPlainClick = (event: MouseEvent) => event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;

export function CatalogBrowser(props: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const [opened, setOpened] = useState<EntryState | null>(null);


  const go = (change: Partial<Filter>) =>
    startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page: 1, ...change })));

  async function open(id: number) {
    setOpened({ id, entry: null, error: null });
    const response = await fetch(`/api/v1/catalog/${id}`).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    setOpened((current) => {
      if (current?.id !== id) return current;
      if (response?.ok && body) return { id, entry: body as CatalogEntryWithObligations, error: null };
      return { id, entry: null, error: body?.error?.message ?? '加载失败，请检查网络后重试' };
    });
  }

  const { roots, subtree } = useMemo(
    () => regionTree(props.regions, new Set(props.departments.map((department) => department.regionId))),
    [props.regions, props.departments],
  );
  const regionCodes = props.filter.regionId ? subtree.get(props.filter.regionId) : undefined;
  const departmentsShown = regionCodes ? props.departments.filter((department) => regionCodes.has(department.regionId)) : props.departments;

  const totalAll = DOMAINS.reduce((sum, domain) => sum + props.byDomain[domain], 0);
  const columns: ColumnsType<CatalogEntrySummary> = [
    { title: '编码', dataIndex: 'code', width: 110, render: (code: string) => <Text code>{code}</Text> },
    {
      title: '事项名称',
      dataIndex: 'name',
      render: (name: string, entry) => (
        <div>
          <Link
            href={`/catalog/${entry.id}`}
            onClick={(event) => {
              if (!isPlainClick(event)) return;
              event.preventDefault();
              void open(entry.id);
            }}
            data-testid="entry-name"
          >
            {name}
          </Link>
          <div>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {entry.category}
            </Text>
          </div>
        </div>
      ),
    },
    ...(props.showRegion
      ? [{ title: '区域', dataIndex: 'regionName', width: 100 } as ColumnsType<CatalogEntrySummary>[number]]
      : []),
    {
      title: '公开主体',
      dataIndex: 'departmentName',
      width: 210,
      render: (name: string, entry) => <Link href={`/departments/${entry.departmentId}`}>{name}</Link>,
    },
    {
      title: '公开时限',
      dataIndex: 'timeLimit',
      width: 220,
      render: (limit: CatalogEntrySummary['timeLimit']) => (
        <Text ellipsis={{ tooltip: limit.text }} style={{ maxWidth: 200 }} type={limit.kind === 'unmeasurable' ? 'warning' : undefined}>
          {limit.text}
        </Text>
      ),
    },
    {
      title: '公开渠道',
      dataIndex: 'channels',
      width: 180,
      render: (channels: string[]) => (
        <Text ellipsis={{ tooltip: channels.map(channelLabel).join('、') }} style={{ maxWidth: 170 }}>
          {channels.map(channelLabel).join('、')}
        </Text>
      ),
    },
    {
      title: '方式',
      dataIndex: 'mode',
      width: 110,
      render: (mode: CatalogEntrySummary['mode']) => <Tag color={MODE_COLORS[mode]}>{MODE_LABELS[mode]}</Tag>,
    },
  ];

  const isFiltered = props.filter.q !== '' || props.filter.departmentId !== null || props.filter.regionId !== null || props.filter.domain !== null;

  return (
    <div style={{ maxWidth: 1280, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          公开目录
        </Typography.Title>
        {props.canManage && <CatalogActions />}
      </Space>
      <Typography.Paragraph type="secondary">
        政务公开事项目录：每一事项的公开依据、公开内容、公开时限、公开渠道及其公开义务履行情况。
      </Typography.Paragraph>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={props.filter.domain ?? ALL}
          onChange={(key) => go({ domain: key === ALL ? null : (key as Domain) })}
          tabBarGutter={22}
          items={[
            { key: ALL, label: <TabLabel name="全部" count={totalAll} /> },
            ...DOMAINS.map((domain) => ({ key: domain, label: <TabLabel name={DOMAIN_LABELS[domain]} count={props.byDomain[domain]} /> })),
          ]}
          data-testid="domain-tabs"
        />
        <Space size={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="搜索事项名称、编码、类别或公开依据"
            allowClear
            enterButton="搜索"
            // keyed by the URL's query, so the box follows back and forward
            key={props.filter.q}
            defaultValue={props.filter.q}
            onSearch={(value) => go({ q: value.trim() })}
            style={{ width: 420 }}
            maxLength={100}
            aria-label="搜索公开事项"
          />
          {roots.length > 0 && (
            <TreeSelect
              placeholder="全部区域"
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandedKeys={props.filter.regionId ? [props.filter.regionId] : roots.map((root) => root.value)}
              value={props.filter.regionId ?? undefined}
              onChange={(value?: string) => go({ regionId: value ?? null, departmentId: null })}
              treeData={roots}
              style={{ width: 220 }}
              aria-label="按区域筛选"
              data-testid="catalog-region-filter"
            />
          )}
          <Select
            placeholder="全部公开主体（部门）"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={props.filter.departmentId ?? undefined}
            onChange={(value?: number) => go({ departmentId: value ?? null })}
            options={departmentsShown.map((department) => ({
              value: department.id,
              label: props.showRegion ? `${department.regionName} · ${department.name}` : department.name,
            }))}
            style={{ width: 340 }}
            aria-label="按公开主体筛选"
          />
          {isFiltered && (
            <Button onClick={() => startTransition(() => router.push(pathname))} disabled={isPending}>
              清除筛选
            </Button>
          )}
        </Space>
        <Table<CatalogEntrySummary>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={props.entries}
          onRow={(entry) => ({ onDoubleClick: () => void open(entry.id) })}
          pagination={{
            current: props.filter.page,
            pageSize: props.pageSize,
            total: props.total,
            showSizeChanger: false,
            showTotal: (total) => `共 ${formatCount(total)} 项`,
            onChange: (page) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page }))),
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  isFiltered ? (
                    <span>
                      没有找到符合条件的公开事项{props.filter.q ? <>（“{props.filter.q}”）</> : null}，请调整搜索词或筛选条件
                    </span>
                  ) : (
                    '您的管辖范围内暂无公开事项'
                  )
                }
              />
            ),
          }}
          data-testid="catalog-table"
        />
      </Card>
      <Drawer
        open={opened !== null}
        onClose={() => setOpened(null)}
        size={760}
        title={opened?.entry ? opened.entry.name : '公开事项'}
        extra={
          opened ? (
            <Link href={`/catalog/${opened.id}`}>
              <Button icon={<ExportOutlined />}>单独打开</Button>
            </Link>
          ) : null
        }
        data-testid="entry-drawer"
      >
        {opened?.error ? (
          <Notice type="error" showIcon title={opened.error} />
        ) : opened?.entry ? (
          <EntryDetail entry={opened.entry} />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </Drawer>
    </div>
  );
}
