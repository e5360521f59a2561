// DELETE /api/v1/admin/api-keys/:id – revoke a department's key (admin); its next request gets 401
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { revokeKeyById } from '../../../../../../lib/users/manage-api-keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = orUnavailable('api key revoke failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'administer', missing: '密钥不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const result = await revokeKeyById(sql, { keyId: id, actor: auth.scope.username });
  if (!result.ok) return refusalResponse(result);
  return Response.json({ id, revoked: true });
});
