// 投诉件详情: one complaint with its timeline, the actions the reader may take, and the reply editor.
import { forbidden, notFound } from 'next/navigation';
import { hasRole } from '../../../../lib/auth/roles';
import { complaintIdSchema } from '../../../../lib/complaints/complaint-id';
import { getComplaintDetail } from '../../../../lib/complaints/queries';
import type { Actor } from '../../../../lib/complaints/state-machine';
import { sql } from '../../../../lib/db/sql';
import { RealtimeProvider } from '../../../_client/realtime-provider';
import { requireUser } from '../../../_server/current-user';
import { ComplaintView } from '../_components/complaint-view';

export const dynamic = 'force-dynamic';
// generic title: a page that answers 无权查看 must not name the complaint in the tab either
export const metadata = { title: '投诉件详情 · 政务公开在线监督预警平台' };

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, scope } = await requireUser();
  if (!hasRole(user, 'handler', 'supervisor', 'admin', 'dept')) forbidden();
  const id = complaintIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await getComplaintDetail(sql, scope, id.data);
  if (detail === 'missing') notFound();
  if (detail === 'outside') forbidden();
  const actor: Actor | null =
    user.role === 'handler' ? 'handler' : user.role === 'dept' && detail.departmentId === scope.departmentId ? 'department' : null;
  return (
    <RealtimeProvider>
      <ComplaintView detail={detail} actor={actor} />
    </RealtimeProvider>
  );
}
