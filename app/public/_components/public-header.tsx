'use client';

import { Menu, Typography } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { key: '/public/complaint', label: <Link href="/public/complaint">我要投诉</Link> },
  { key: '/public/track', label: <Link href="/public/track">投诉查询与评价</Link> },
];

export function PublicHeader() {
  const pathname = usePathname();
  return (
    <header style={{ display: 'flex', alignItems: 'center', gap: 32, background: '#8e1616', padding: '0 24px', height: 64 }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', letterSpacing: 1 }}>
        政务公开投诉 · 群众服务
      </Typography.Text>
      <Menu
        theme="dark"
        mode="horizontal"
        selectedKeys={ITEMS.filter((item) => pathname.startsWith(item.key)).map((item) => item.key)}
        items={ITEMS}
        style={{ flex: 1, minWidth: 0, background: 'transparent' }}
      />
    </header>
  );
}
