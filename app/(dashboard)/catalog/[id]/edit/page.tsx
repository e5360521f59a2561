import { forbidden, notFound } from 'next/navigation';
import { requireUser } from '../../../../_server/current-user';
import { can } from '../../../../../lib/auth/permissions/role-permissions';
import { findCatalogEntry } from '../../../../../lib/catalog/queries';
import { sql } from '../../../../../lib/db/sql';
import { listRegionsInScope } from '../../../../../lib/regions/queries';
import { parseRouteId } from '../../../_components/route-id';
import { EntryForm } from '../../_components/entry-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: '修改公开事项 · 政务公开在线监督预警平台' };

// 修改事项: a new version of the entry; obligations already formed keep the version they were made under
export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'manageCatalog')) forbidden();
  const id = parseRouteId((await params).id);
  if (id === null) notFound();
  const entry = await findCatalogEntry(sql, scope, id);
  if (entry === 'missing') notFound();
  if (entry === 'outside') forbidden();
  const regions = await listRegionsInScope(sql, scope, { limit: 500 });
  return (
    <EntryForm
      entryId={entry.id}
      regions={regions}
      initial={{
        regionId: entry.regionId,
        code: entry.code,
        name: entry.name,
        domain: entry.domain,
        category: entry.category,
        basis: entry.basis,
        content: entry.content,
        requiredElements: entry.requiredElements,
        departmentId: entry.departmentId,
        timeLimitText: entry.timeLimit.text,
        channels: entry.channels as never,
        audience: entry.audience,
        mode: entry.mode,
        withheldReason: entry.withheldReason,
        level: entry.level,
      }}
    />
  );
}
