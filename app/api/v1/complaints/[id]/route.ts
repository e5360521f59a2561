// GET /api/v1/complaints/:id – one complaint with its timeline (personal data in full for handlers only)
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import { complaintIdSchema } from '../../../../../lib/complaints/complaint-id';
import { getComplaintDetail } from '../../../../../lib/complaints/queries';
import { sql } from '../../../../../lib/db/sql';
import { forbidden, notFound } from '../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/complaints/:id failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'readComplaints', idSchema: complaintIdSchema, missing: '投诉件不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const detail = await getComplaintDetail(sql, auth.scope, id);
  if (detail === 'missing') return notFound('投诉件不存在');
  if (detail === 'outside') return forbidden('该投诉件不在您的管辖范围内');
  return Response.json(detail);
});
