// POST /api/v1/alerts/:id/assign {departmentId, positionId?} – a supervisor hands an alert to a department
import { requireApiUser } from '../../../../../_server/current-user';
import { alertActionResponse } from '../../../../../../lib/alerts/alert-action-response';
import { assignAlert, assignAlertSchema } from '../../../../../../lib/alerts/assign-alert';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../../../lib/http/errors';
import { readJson } from '../../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { alertIdSchema } from '../../alert-id';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  const id = alertIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError(404, 'not_found', '预警不存在');
  const body = await readJson(request, assignAlertSchema, 10_000);
  if (!body.ok) return body.response;
  return alertActionResponse(sql, sharedEmitter(), await assignAlert(sql, auth.scope, id.data, body.data, now()));
}
