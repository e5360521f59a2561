import { notFound, forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { listEntryVersions } from '../../../../lib/catalog/entry-versions';
import { findCatalogEntryWithObligations } from '../../../../lib/catalog/queries';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { parseRouteId } from '../../_components/route-id';
import { EntryPage } from '../_components/entry-page';

export const dynamic = 'force-dynamic';
export const metadata = { title: '公开事项 · 政务公开在线监督预警平台' };

// 公开事项: one catalog entry on a page of its own (the catalog opens the same view in a drawer)
export default async function CatalogEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireUser();
  const id = parseRouteId((await params).id);
  if (id === null) notFound();
  const entry = await findCatalogEntryWithObligations(sql, scope, id, now());
  if (entry === 'missing') notFound();
  if (entry === 'outside') forbidden();
  const versions = (await listEntryVersions(sql, scope, id)) ?? [];
  return <EntryPage entry={entry} versions={versions} canManage={can(scope, 'manageCatalog')} />;
}
