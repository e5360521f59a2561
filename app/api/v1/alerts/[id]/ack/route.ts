// POST /api/v1/alerts/:id/ack – a supervisor takes ownership of an alert
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { acknowledgeAlert } from '../../../../../../lib/alerts/acknowledge-alert';
import { alertActionResponse } from '../../alert-action-response';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { alertRecord } from '../../alert-record';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/alerts/:id/ack failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, alertRecord);
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  return alertActionResponse(sql, sharedEmitter(), await acknowledgeAlert(sql, auth.scope, id, now()));
});
