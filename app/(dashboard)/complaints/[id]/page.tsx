// 投诉件详情: one complaint with its timeline, the actions the reader may take, and the reply editor.
import { forbidden, notFound } from 'next/navigation';
import { complaintActionsFor, complaintActorFor } from '../../../../lib/auth/permissions/complaint-access';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { complaintIdSchema } from '../../../../lib/complaints/complaint-id';
import { getComplaintDetail } from '../../../../lib/complaints/queries';
import { sql } from '../../../../lib/db/sql';
import { RealtimeProvider } from '../../../_client/realtime-provider';
import { requireUser } from '../../../_server/current-user';
import { ComplaintView } from '../_components/complaint-view';

export const dynamic = 'force-dynamic';
// generic title: a page that answers 无权查看 must not name the complaint in the tab either
export const metadata = { title: '投诉件详情 · 政务公开在线监督预警平台' };

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, scope } = await requireUser();
  if (!can(user, 'readComplaints')) forbidden();
  const id = complaintIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await getComplaintDetail(sql, scope, id.data);
  if (detail === 'missing') notFound();
  if (detail === 'outside') forbidden();
  // a complaint getComplaintDetail returns lies in scope; what may be done with it is the API's own decision
  const subject = {
    inScope: true,
    departmentId: detail.departmentId,
    assignedAt: detail.assignedAt,
    state: detail.state,
    hasStandingViolation: detail.hasStandingViolation,
  };
  const decision = complaintActorFor(scope, subject);
  return (
    <RealtimeProvider>
      <ComplaintView detail={detail} actor={decision.ok ? decision.actor : null} actions={complaintActionsFor(scope, subject)} />
    </RealtimeProvider>
  );
}
