// DELETE /api/v1/admin/api-keys/:id – revoke a department's key (admin); its next request gets 401
import { requireApiUser } from '../../../../../_server/current-user';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../../lib/http/errors';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { log } from '../../../../../../lib/log';
import { revokeKeyById } from '../../../../../../lib/users/manage-api-keys';
import { idFrom, refusal } from '../../admin-result';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['admin']);
  if (auth instanceof Response) return auth;
  const id = idFrom((await context.params).id);
  if (id === null) return notFound('密钥不存在');
  try {
    const result = await revokeKeyById(sql, { keyId: id, actor: auth.scope.username });
    if (!result.ok) return refusal(result);
    return Response.json({ id, revoked: true });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'api key revoke failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
