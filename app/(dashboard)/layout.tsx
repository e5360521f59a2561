import type { ReactNode } from 'react';
import { sql } from '../../lib/db/sql';
import { findRegionName } from '../../lib/regions/queries';
import { requireUser } from '../_server/current-user';
import { AppShell } from './_components/app-shell';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, scope } = await requireUser();
  const regionName = (await findRegionName(sql, scope.regionCode)) ?? scope.regionCode;
  return <AppShell user={{ displayName: user.displayName, role: scope.role, regionName }}>{children}</AppShell>;
}
