// POST /api/v1/disputes/:id/decision {decision: 'accept'|'reject', reason} – the disclosure office decides a dispute
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { afterAlertChanges } from '../../../../../../lib/alerts/after-alert-changes';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { decideDispute } from '../../../../../../lib/disputes/decide-dispute';
import { decideDisputeSchema } from '../../../../../../lib/disputes/schemas';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/disputes/:id/decision failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, {
    permission: 'decideDisputes',
    missing: '申诉不存在',
    body: decideDisputeSchema,
    maxBodyBytes: 10_000,
  });
  if (accepted instanceof Response) return accepted;
  const result = await decideDispute(sql, accepted.auth.scope, accepted.id, accepted.body, now());
  if (!result.ok) return refusalResponse(result);
  await afterAlertChanges(sql, sharedEmitter(), result.changes);
  return Response.json(result.dispute);
});
