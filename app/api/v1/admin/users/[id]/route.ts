// PATCH /api/v1/admin/users/:id {isActive} – deactivate (ending the user's sessions) or reactivate (admin)
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { rolesThatCan } from '../../../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../../../lib/db/sql';
import { apiError } from '../../../../../../lib/http/errors';
import { log } from '../../../../../../lib/log';
import { endSessionSockets } from '../../../../../../lib/realtime/end-sessions';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { setActiveBodySchema, setManagedUserActive } from '../../../../../../lib/users/manage-users';
import { refusal } from '../../admin-result';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function PATCH(request: Request, context: RecordContext): Promise<Response> {
  const accepted = await requireRecordRequest(request, context, { roles: rolesThatCan('administer'), missing: '用户不存在', body: setActiveBodySchema, maxBodyBytes: 1_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  try {
    const result = await setManagedUserActive(sql, { userId: id, isActive: body.isActive, actor: auth.scope.username, actorId: auth.scope.userId });
    if (!result.ok) return refusal(result);
    if (!result.value.isActive) endSessionSockets(sharedEmitter(), { userId: result.value.id }, 'deactivated');
    return Response.json({ id: result.value.id, username: result.value.username, isActive: result.value.isActive });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'user update failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
