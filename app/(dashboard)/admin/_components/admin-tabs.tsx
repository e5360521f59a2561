'use client';

import { Tabs } from 'antd';
import { usePathname, useRouter } from 'next/navigation';

const TABS = [
  { key: '/admin/users', label: '用户' },
  { key: '/admin/api-keys', label: '接口密钥' },
  { key: '/admin/audit', label: '审计日志' },
];

export function AdminTabs() {
  const pathname = usePathname();
  const router = useRouter();
  const active = TABS.find((tab) => pathname.startsWith(tab.key))?.key ?? TABS[0]!.key;
  return <Tabs activeKey={active} items={TABS} onChange={(key) => router.push(key)} style={{ marginBottom: 8 }} />;
}
