// PATCH /api/v1/admin/users/:id {isActive} – deactivate (ending the user's sessions) or reactivate; or
// {role?, regionCode?, departmentId?} – a new role, region or department, which also ends their sessions (admin)
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { endSessionSockets } from '../../../../../../lib/realtime/end-sessions';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import type { User } from '../../../../../../lib/auth/users';
import { changeUserAssignment, setManagedUserActive, updateUserBodySchema } from '../../../../../../lib/users/manage-users';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const answer = (user: User) =>
  Response.json({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    departmentId: user.departmentId,
    isActive: user.isActive,
  });

export const PATCH = orUnavailable('user update failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'administer', missing: '用户不存在', body: updateUserBodySchema, maxBodyBytes: 1_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const actor = { actor: auth.scope.username, actorId: auth.scope.userId };
  if (body.isActive !== undefined) {
    const result = await setManagedUserActive(sql, { userId: id, isActive: body.isActive, ...actor });
    if (!result.ok) return refusalResponse(result);
    if (!result.value.isActive) endSessionSockets(sharedEmitter(), { userId: result.value.id }, 'deactivated');
    return answer(result.value);
  }
  const { role, regionCode, departmentId } = body;
  const result = await changeUserAssignment(sql, { userId: id, change: { role, regionCode, departmentId }, ...actor });
  if (!result.ok) return refusalResponse(result);
  // the sessions were revoked in the change's transaction; now their open tabs hear of it
  if (result.value.isChanged) endSessionSockets(sharedEmitter(), { userId: result.value.user.id }, 'scope_changed');
  return answer(result.value.user);
});
