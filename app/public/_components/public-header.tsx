'use client';

import { Menu, Typography } from 'antd';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { key: '/public/complaint', label: <Link href="/public/complaint">我要投诉</Link> },
  // 依申请公开 (条例 Art. 27–29): anyone may apply for government information not yet public
  { key: '/public/request', label: <Link href="/public/request">申请政府信息公开</Link> },
  { key: '/public/track', label: <Link href="/public/track">进度查询</Link> },
];

export function PublicHeader() {
  const pathname = usePathname();
  return (
    <header style={{ display: 'flex', alignItems: 'center', gap: 32, background: '#8e1616', padding: '0 24px', height: 64 }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', letterSpacing: 1 }}>
        政务公开 · 群众服务
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
