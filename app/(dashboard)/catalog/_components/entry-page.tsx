'use client';

import { Breadcrumb, Card, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { domainLabel } from '../../../../lib/catalog/domains';
import type { CatalogEntryWithObligations } from '../../../../lib/catalog/queries';
import type { EntryVersion } from '../../../../lib/catalog/entry-versions';
import { EntryDetail } from './entry-detail';
import { EntryVersions } from './entry-versions';

export function EntryPage({ entry, versions = [], canManage = false }: { entry: CatalogEntryWithObligations; versions?: EntryVersion[]; canManage?: boolean }) {
  return (
    <div style={{ maxWidth: 1080, margin: '0 auto' }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link href="/catalog">公开目录</Link> },
          { title: <Link href={`/catalog?domain=${entry.domain}`}>{domainLabel(entry.domain)}</Link> },
          { title: entry.code },
        ]}
      />
      <Card>
        <Space align="baseline" size={12} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="entry-title">
            {entry.name}
          </Typography.Title>
          <Tag>{entry.regionName}</Tag>
        </Space>
        <EntryDetail entry={entry} />
      </Card>
      {versions.length > 0 && <EntryVersions versions={versions} shownId={entry.id} canManage={canManage} />}
    </div>
  );
}
