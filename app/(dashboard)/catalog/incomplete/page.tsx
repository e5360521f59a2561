import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { listPendingEntries, listUnmeasurableEntries } from '../../../../lib/catalog/entry-versions';
import { sql } from '../../../../lib/db/sql';
import { IncompleteEntries } from '../_components/incomplete-entries';

export const dynamic = 'force-dynamic';
export const metadata = { title: '待完善事项 · 政务公开在线监督预警平台' };

const PAGE_SIZE = 20;

// 待完善: entries whose time limit cannot be checked (及时, 按进展, 长期公开), and 不予公开 changes awaiting approval
export default async function IncompletePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'manageCatalog')) forbidden();
  const raw = (await searchParams).page;
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(Array.isArray(raw) ? raw[0] : (raw ?? 1));
  const [unmeasurable, pending] = await Promise.all([
    listUnmeasurableEntries(sql, scope, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    listPendingEntries(sql, scope),
  ]);
  return <IncompleteEntries unmeasurable={unmeasurable.rows} total={unmeasurable.total} page={page} pageSize={PAGE_SIZE} pending={pending} />;
}
