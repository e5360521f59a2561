// PATCH /api/v1/admin/users/:id {isActive} – deactivate (ending the user's sessions) or reactivate (admin)
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { endSessionSockets } from '../../../../../../lib/realtime/end-sessions';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';
import { setActiveBodySchema, setManagedUserActive } from '../../../../../../lib/users/manage-users';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PATCH = orUnavailable('user update failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'administer', missing: '用户不存在', body: setActiveBodySchema, maxBodyBytes: 1_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const result = await setManagedUserActive(sql, { userId: id, isActive: body.isActive, actor: auth.scope.username, actorId: auth.scope.userId });
  if (!result.ok) return refusalResponse(result);
  if (!result.value.isActive) endSessionSockets(sharedEmitter(), { userId: result.value.id }, 'deactivated');
  return Response.json({ id: result.value.id, username: result.value.username, isActive: result.value.isActive });
});
