// POST /api/v1/alerts/:id/assign {departmentId, positionId?} – a supervisor hands an alert to a department
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { alertActionResponse } from '../../alert-action-response';
import { assignAlert, assignAlertSchema } from '../../../../../../lib/alerts/assign-alert';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { alertRecord } from '../../alert-record';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/alerts/:id/assign failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { ...alertRecord, body: assignAlertSchema, maxBodyBytes: 10_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  return alertActionResponse(sql, sharedEmitter(), await assignAlert(sql, auth.scope, id, body, now()));
});
