'use client';

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Typography } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { ROLE_LABELS } from '../../../lib/auth/roles';
import type { Role } from '../../../lib/auth/roles';

interface ShellUser {
  displayName: string;
  role: Role;
  regionName: string;
}

// '/' matches only itself; the others match their sub-pages too
const NAV_ITEMS = [
  { key: '/', label: <Link href="/">监督总览</Link> },
  { key: '/catalog', label: <Link href="/catalog">公开目录</Link> },
  { key: '/departments', label: <Link href="/departments">部门</Link> },
  { key: '/regions', label: <Link href="/regions">区域概览</Link> },
];

// management pages, for the roles that use them (DESIGN §1: supervisors their region's rules; the admin
// the calendar, users, keys and the audit trail)
const MANAGEMENT_ITEMS: Record<string, { key: string; label: ReactNode }[]> = {
  supervisor: [{ key: '/rules', label: <Link href="/rules">监督规则</Link> }],
  admin: [
    { key: '/rules', label: <Link href="/rules">监督规则</Link> },
    { key: '/calendar', label: <Link href="/calendar">工作日历</Link> },
    { key: '/admin', label: <Link href="/admin/users">系统管理</Link> },
  ],
};

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const { message } = App.useApp();
  const [isLeaving, setLeaving] = useState(false);

  async function logout() {
    setLeaving(true);
    const response = await fetch('/api/v1/session', { method: 'DELETE' }).catch(() => null);
    if (response && (response.ok || response.status === 401)) {
      router.replace('/login');
      router.refresh();
      return;
    }
    setLeaving(false);
    message.error('退出失败，请检查网络后重试');
  }

  const items = [...NAV_ITEMS, ...(MANAGEMENT_ITEMS[user.role] ?? [])];
  const selected = items.filter((item) => (item.key === '/' ? pathname === '/' : pathname.startsWith(item.key))).map(
    (item) => item.key,
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 32, background: '#8e1616', paddingInline: 24 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap', letterSpacing: 1 }}>
          政务公开在线监督预警平台
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
        />
        <Space size="middle" style={{ color: '#fbe9e7' }}>
          <span>
            <UserOutlined /> {user.displayName} · {ROLE_LABELS[user.role]} · {user.regionName}
          </span>
          <Button size="small" ghost icon={<LogoutOutlined />} loading={isLeaving} onClick={logout}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
