import { forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../lib/db/sql';
import { listRegionsInScope } from '../../../../lib/regions/queries';
import { EntryForm } from '../_components/entry-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: '新建公开事项 · 政务公开在线监督预警平台' };

export default async function NewEntryPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'manageCatalog')) forbidden();
  const regions = await listRegionsInScope(sql, scope, { limit: 500 });
  const only = regions.length === 1 ? regions[0]!.code : undefined;
  return <EntryForm regions={regions} initial={only ? { regionId: only } : {}} />;
}
