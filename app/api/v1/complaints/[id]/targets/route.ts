// GET /api/v1/complaints/:id/targets – departments (with positions) of the complaint's region to dispatch to
import { requireApiUser } from '../../../../../_server/current-user';
import { complaintIdSchema } from '../../../../../../lib/complaints/complaint-id';
import { getComplaintDetail, listDispatchTargets } from '../../../../../../lib/complaints/queries';
import { sql } from '../../../../../../lib/db/sql';
import { forbidden, notFound } from '../../../../../../lib/http/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireApiUser(request, ['handler']);
  if (auth instanceof Response) return auth;
  const id = complaintIdSchema.safeParse((await context.params).id);
  if (!id.success) return notFound('投诉件不存在');
  const detail = await getComplaintDetail(sql, auth.scope, id.data);
  if (detail === 'missing') return notFound('投诉件不存在');
  if (detail === 'outside') return forbidden('该投诉件不在您的管辖范围内');
  return Response.json({ data: await listDispatchTargets(sql, auth.scope, detail.regionId), next: null });
}
