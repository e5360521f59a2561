'use client';

import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { ROLE_LABELS } from '../../../lib/auth/roles';
import type { Role } from '../../../lib/auth/roles';
import { can, type Permission } from '../../../lib/auth/permissions/role-permissions';

interface ShellUser {
  displayName: string;
  role: Role;
  regionName: string;
}

interface NavEntry {
  key: string;
  label: ReactNode;
  /** who sees it; everyone signed in when absent */
  permission?: Permission;
}

// '/' matches only itself; the others match their sub-pages too
const NAV_ITEMS: NavEntry[] = [
  // department staff land here (部门工作台): what they must publish, fix and answer
  { key: '/workspace', label: <Link href="/workspace">我的工作台</Link>, permission: 'publishItems' },
  { key: '/', label: <Link href="/">监督总览</Link> },
  { key: '/catalog', label: <Link href="/catalog">公开目录</Link> },
  { key: '/departments', label: <Link href="/departments">部门</Link> },
  { key: '/regions', label: <Link href="/regions">区域概览</Link> },
  { key: '/complaints', label: <Link href="/complaints">投诉处理</Link>, permission: 'readComplaints' },
  // 依申请公开: the disclosure offices and the agencies applied to; the 12345 complaint desk does not do this work
  { key: '/requests', label: <Link href="/requests">依申请公开</Link>, permission: 'readRequests' },
  // 申诉处理: the offices decide the departments' disputes
  { key: '/disputes', label: <Link href="/disputes">申诉处理</Link>, permission: 'decideDisputes' },
  // scores and reports are for leaders and the offices; department staff and handlers would only meet a 403
  { key: '/scores', label: <Link href="/scores">考核评分</Link>, permission: 'readScores' },
  { key: '/reports', label: <Link href="/reports">月度报告</Link>, permission: 'readReports' },
];

// Management (DESIGN §1): supervisors their region's rules; the admin also the calendar, users, keys and the
// audit trail. Grouped under one menu so the header keeps every daily page visible on a 1440 px screen.
const MANAGEMENT_ITEMS: NavEntry[] = [
  { key: '/rules', label: <Link href="/rules">监督规则</Link>, permission: 'manageRules' },
  { key: '/calendar', label: <Link href="/calendar">工作日历</Link>, permission: 'loadCalendar' },
  { key: '/admin', label: <Link href="/admin/users">系统管理</Link>, permission: 'administer' },
];

const visibleTo = (role: Role) => (entry: NavEntry) => !entry.permission || can({ role }, entry.permission);
const isCurrent = (pathname: string) => (entry: NavEntry) => (entry.key === '/' ? pathname === '/' : pathname.startsWith(entry.key));

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

  const pages = NAV_ITEMS.filter(visibleTo(user.role));
  const management = MANAGEMENT_ITEMS.filter(visibleTo(user.role));
  const navItems: MenuProps['items'] = [
    ...pages.map(({ key, label }) => ({ key, label })),
    ...(management.length > 0
      ? [{ key: 'manage', label: '管理', icon: <SettingOutlined />, children: management.map(({ key, label }) => ({ key, label })) }]
      : []),
  ];
  const selected = [...pages, ...management].filter(isCurrent(pathname)).map((entry) => entry.key);
  if (management.some(isCurrent(pathname))) selected.push('manage');

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
          items={navItems}
          // opened by a click (or Enter), not by passing the mouse over it on a wall display
          triggerSubMenuAction="click"
          // a narrower padding than antd's 16 px keeps every entry (依申请公开 included) and 管理 in view at 1440 px
          style={{ flex: 1, minWidth: 0, background: 'transparent', ['--ant-menu-item-padding-inline' as string]: '12px' }}
        />
        <Space size="middle" style={{ color: '#fbe9e7' }}>
          {/* the display name already says the post; the role stays in the tooltip so the menu keeps its width */}
          <span title={`${user.displayName} · ${ROLE_LABELS[user.role]} · ${user.regionName}`} style={{ whiteSpace: 'nowrap' }}>
            <UserOutlined /> {user.displayName} · {user.regionName}
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
