// POST /api/v1/alerts/:id/resolve {reason} – a supervisor resolves an alert as an accepted exception
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { alertActionResponse } from '../../alert-action-response';
import { resolveAlert, resolveAlertSchema } from '../../../../../../lib/alerts/resolve-alert';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { alertRecord } from '../../alert-record';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('POST /api/v1/alerts/:id/resolve failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { ...alertRecord, body: resolveAlertSchema, maxBodyBytes: 10_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  return alertActionResponse(sql, sharedEmitter(), await resolveAlert(sql, auth.scope, id, body.reason, now()));
});
