// 政府信息公开申请详情: one request with its timeline, its deadline's 计算依据, and the steps the reader may take.
import { forbidden, notFound } from 'next/navigation';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { getRequest } from '../../../../lib/requests/queries';
import { RealtimeProvider } from '../../../_client/realtime-provider';
import { requireUser } from '../../../_server/current-user';
import { parseRouteId } from '../../_components/route-id';
import { RequestView } from '../_components/request-view';

export const dynamic = 'force-dynamic';
// generic title: a page that answers 无权查看 must not name the request in the tab either
export const metadata = { title: '政府信息公开申请 · 政务公开在线监督预警平台' };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, scope } = await requireUser();
  if (!can(user, 'readRequests')) forbidden();
  const id = parseRouteId((await params).id);
  if (id === null) notFound();
  const detail = await getRequest(sql, scope, id, now());
  if (detail === 'missing') notFound();
  if (detail === 'outside') forbidden();
  return (
    <RealtimeProvider>
      <RequestView detail={detail} />
    </RealtimeProvider>
  );
}
