// POST /api/v1/complaints/:id/actions {action, ...} – 派单, 签收, 办理, 回退, 延期, 答复, 催办, 评价, 办结, 备注
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { now } from '../../../../../../lib/clock';
import { actOnComplaint } from '../../../../../../lib/complaints/act-on-complaint';
import { complaintIdSchema } from '../../../../../../lib/complaints/complaint-id';
import { publishComplaintChange } from '../../../../../../lib/complaints/publish-complaint-change';
import { getComplaintDetail } from '../../../../../../lib/complaints/queries';
import { actionSchema } from '../../../../../../lib/complaints/schemas';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/complaints/:id/actions failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, {
    permission: 'actOnComplaints',
    idSchema: complaintIdSchema,
    missing: '投诉件不存在',
    body: actionSchema,
    maxBodyBytes: 32_000,
  });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const result = await actOnComplaint(sql, auth.scope, id, body, now());
  if (!result.ok) return refusalResponse(result);
  await publishComplaintChange(sql, sharedEmitter(), result.id, result.events, result.changes);
  const detail = await getComplaintDetail(sql, auth.scope, result.id);
  return Response.json(detail);
});
