// POST /api/v1/complaints/:id/actions {action, ...} – 派单, 签收, 办理, 回退, 延期, 答复, 催办, 评价, 办结, 备注
import { requireApiUser } from '../../../../../_server/current-user';
import { now } from '../../../../../../lib/clock';
import { actOnComplaint } from '../../../../../../lib/complaints/act-on-complaint';
import { complaintIdSchema } from '../../../../../../lib/complaints/complaint-id';
import { complaintErrorResponse } from '../../../../../../lib/complaints/complaint-response';
import { publishComplaintChange } from '../../../../../../lib/complaints/publish-complaint-change';
import { getComplaintDetail } from '../../../../../../lib/complaints/queries';
import { actionSchema } from '../../../../../../lib/complaints/schemas';
import { sql } from '../../../../../../lib/db/sql';
import { forbidden, notFound } from '../../../../../../lib/http/errors';
import { readJson } from '../../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['handler', 'dept']);
  if (auth instanceof Response) return auth;
  const id = complaintIdSchema.safeParse((await context.params).id);
  if (!id.success) return notFound('投诉件不存在');
  const body = await readJson(request, actionSchema, 32_000);
  if (!body.ok) return body.response;
  const result = await actOnComplaint(sql, auth.scope, id.data, body.data, now());
  if (!result.ok) return complaintErrorResponse(result);
  await publishComplaintChange(sql, sharedEmitter(), result.id, result.events, result.changes);
  const detail = await getComplaintDetail(sql, auth.scope, result.id);
  return Response.json(detail);
}
