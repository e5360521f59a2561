// DELETE /api/v1/admin/api-keys/:id – revoke a department's key (admin); its next request gets 401
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { rolesThatCan } from '../../../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../../../lib/db/sql';
import { apiError } from '../../../../../../lib/http/errors';
import { log } from '../../../../../../lib/log';
import { revokeKeyById } from '../../../../../../lib/users/manage-api-keys';
import { refusal } from '../../admin-result';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, context: RecordContext): Promise<Response> {
  const accepted = await requireRecordRequest(request, context, { roles: rolesThatCan('administer'), missing: '密钥不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  try {
    const result = await revokeKeyById(sql, { keyId: id, actor: auth.scope.username });
    if (!result.ok) return refusal(result);
    return Response.json({ id, revoked: true });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'api key revoke failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
