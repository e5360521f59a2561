// GET /api/v1/alerts/:id/assignees – the departments (with positions) this alert may be assigned to
import { requireApiUser } from '../../../../../_server/current-user';
import { listAssignees } from '../../../../../../lib/alerts/assign-alert';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../../../lib/http/errors';
import { alertIdSchema } from '../../alert-id';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  const id = alertIdSchema.safeParse((await context.params).id);
  if (!id.success) return apiError(404, 'not_found', '预警不存在');
  const assignees = await listAssignees(sql, auth.scope, id.data);
  if (assignees === 'missing') return apiError(404, 'not_found', '预警不存在');
  if (assignees === 'outside') return forbidden('该预警不在您的管辖范围内');
  return Response.json({ data: assignees, next: null });
}
