import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireUser } from '../../_server/current-user';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { AdminTabs } from './_components/admin-tabs';

// 系统管理: users, department API keys and the audit trail, for the administrator only
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { scope } = await requireUser();
  if (!can(scope, 'administer')) forbidden();
  return (
    <>
      <AdminTabs />
      {children}
    </>
  );
}
