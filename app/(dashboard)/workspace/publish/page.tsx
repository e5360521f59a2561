// 报送信息: a department user publishes or corrects an item by hand under their catalog entries. The form posts to
// POST /api/v1/items, the ingest path every CMS uses, so the same validation and checks apply (issue 18).
import { forbidden, notFound } from 'next/navigation';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { getPublishForm } from '../../../../lib/workspace/get-publish-form';
import { requireUser } from '../../../_server/current-user';
import { parseRouteId } from '../../_components/route-id';
import { PublishForm } from '../_components/publish-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: '报送信息 · 政务公开在线监督预警平台' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PublishPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, scope } = await requireUser();
  if (!can(user, 'publishItems')) forbidden();
  const query = await searchParams;
  const rawItem = first(query.item);
  const itemId = rawItem === undefined ? undefined : parseRouteId(rawItem);
  if (itemId === null) notFound();
  const entryId = parseRouteId(first(query.entry) ?? '') ?? undefined;
  const form = await getPublishForm(sql, scope, itemId === undefined ? {} : { itemId });
  if (form === 'no_department') forbidden();
  if (form === 'missing') notFound();
  return <PublishForm form={form} entryId={entryId} now={now().toISOString()} />;
}
