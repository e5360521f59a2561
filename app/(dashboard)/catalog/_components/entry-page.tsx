'use client';

import { Breadcrumb, Card, Space, Tag, Typography } from 'antd';
import Link from 'next/link';
import { domainLabel } from '../../../../lib/catalog/domains';
import type { CatalogEntryWithObligations } from '../../../../lib/catalog/queries';
import { EntryDetail } from './entry-detail';

export function EntryPage({ entry }: { entry: CatalogEntryWithObligations }) {
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
    </div>
  );
}
