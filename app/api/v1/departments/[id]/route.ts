// GET /api/v1/departments/:id – one department in the user's scope, with how its obligations stand
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { findDepartment } from '../../../../../lib/departments/queries';
import { forbidden, notFound } from '../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { countObligations } from '../../../../../lib/obligations/queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('department failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { missing: '部门不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const department = await findDepartment(sql, auth.scope, id);
  if (department === 'missing') return notFound('部门不存在');
  if (department === 'outside') return forbidden('该部门不在您的管辖范围内');
  const obligations = await countObligations(sql, auth.scope, { departmentId: id }, now());
  return Response.json({ ...department, obligations });
});
