// GET /api/v1/requests/:id – one request with its timeline, its deadline's explanation and the user's actions
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { forbidden, notFound } from '../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { getRequest } from '../../../../../lib/requests/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/requests/:id failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'readRequests', missing: '申请不存在' });
  if (accepted instanceof Response) return accepted;
  const detail = await getRequest(sql, accepted.auth.scope, accepted.id, now());
  if (detail === 'missing') return notFound('申请不存在');
  if (detail === 'outside') return forbidden('该申请不在您的管辖范围内');
  return Response.json(detail);
});
