'use client';

// 进度查询: one page for both things a citizen may follow, a complaint (投诉件) and an application for
// government information (政府信息公开申请), each behind its own tab; the tab is kept in the URL.
import { Tabs } from 'antd';
import { usePathname, useRouter } from 'next/navigation';
import { RequestTrackView } from './request-track-view';
import { TrackView } from './track-view';

type Kind = 'complaint' | 'request';

export function TrackTabs({ initialCode, kind }: { initialCode: string; kind: Kind }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <Tabs
      activeKey={kind}
      onChange={(key) => router.replace(key === 'request' ? `${pathname}?kind=request` : pathname, { scroll: false })}
      items={[
        { key: 'complaint', label: '投诉件', children: <TrackView initialCode={kind === 'complaint' ? initialCode : ''} /> },
        { key: 'request', label: '政府信息公开申请', children: <RequestTrackView initialCode={kind === 'request' ? initialCode : ''} /> },
      ]}
      data-testid="track-tabs"
    />
  );
}
