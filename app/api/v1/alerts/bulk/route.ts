// POST /api/v1/alerts/bulk {ids (≤ 500), action: 'ack'|'resolve'|'assign', reason?, assigneeId?, positionId?} –
// a supervisor acts on many alerts in one transaction: {applied: [ids], refused: [{id, code, message}]}
import { requireApiUser } from '../../../../_server/current-user';
import { actOnAlerts, bulkAlertActionSchema } from '../../../../../lib/alerts/act-on-alerts';
import { afterAlertChanges } from '../../../../../lib/alerts/after-alert-changes';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { forbidden } from '../../../../../lib/http/errors';
import { readJson } from '../../../../../lib/http/read-json';
import { REFUSAL_ANSWERS } from '../../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// 500 ids and a reason of at most 500 characters fit well inside this
const MAX_BODY_BYTES = 20_000;

export const POST = orUnavailable('POST /api/v1/alerts/bulk failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'actOnAlerts');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, bulkAlertActionSchema, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const result = await actOnAlerts(sql, auth.scope, body.data, now());
  await afterAlertChanges(sql, sharedEmitter(), result.changes);
  return Response.json({
    applied: result.applied,
    refused: result.refused.map(({ id, refusal }) => ({ id, code: REFUSAL_ANSWERS[refusal.refusal].code, message: refusal.message })),
  });
});
