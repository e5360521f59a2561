// GET /api/v1/alerts/:id/assignees – the departments (with positions) this alert may be assigned to
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { listAssignees } from '../../../../../../lib/alerts/assign-alert';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { alertRecord } from '../../alert-record';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/alerts/:id/assignees failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, alertRecord);
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const assignees = await listAssignees(sql, auth.scope, id);
  if (assignees === 'missing') return apiError(404, 'not_found', '预警不存在');
  if (assignees === 'outside') return forbidden('该预警不在您的管辖范围内');
  return Response.json({ data: assignees, next: null });
});
