// POST /api/v1/requests/:id/actions {action, …} – 确认收到, 告知补正, 登记补正, 征求意见, 延期, 答复, 送达, 归档, 撤回
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { actOnRequest } from '../../../../../../lib/requests/act-on-request';
import { publishRequestChange } from '../../../../../../lib/requests/publish-request-change';
import { getRequest } from '../../../../../../lib/requests/queries';
import { actionSchema } from '../../../../../../lib/requests/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/requests/:id/actions failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, {
    permission: 'actOnRequests',
    missing: '申请不存在',
    body: actionSchema,
    maxBodyBytes: 64_000,
  });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const result = await actOnRequest(sql, auth.scope, id, body, now());
  if (!result.ok) return refusalResponse(result);
  await publishRequestChange(sql, sharedEmitter(), result.id, result.event, result.changes);
  return Response.json(await getRequest(sql, auth.scope, result.id, now()));
});
