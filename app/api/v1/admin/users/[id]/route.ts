// PATCH /api/v1/admin/users/:id {isActive} – deactivate (ending the user's sessions) or reactivate (admin)
import { requireApiUser } from '../../../../../_server/current-user';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../../lib/http/errors';
import { readJson } from '../../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { log } from '../../../../../../lib/log';
import { setActiveBodySchema, setManagedUserActive } from '../../../../../../lib/users/manage-users';
import { idFrom, refusal } from '../../admin-result';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['admin']);
  if (auth instanceof Response) return auth;
  const id = idFrom((await context.params).id);
  if (id === null) return notFound('用户不存在');
  const body = await readJson(request, setActiveBodySchema, 1_000);
  if (!body.ok) return body.response;
  try {
    const result = await setManagedUserActive(sql, { userId: id, isActive: body.data.isActive, actor: auth.scope.username, actorId: auth.scope.userId });
    if (!result.ok) return refusal(result);
    return Response.json({ id: result.value.id, username: result.value.username, isActive: result.value.isActive });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'user update failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
