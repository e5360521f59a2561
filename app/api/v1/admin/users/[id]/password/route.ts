// POST /api/v1/admin/users/:id/password {password} – set a new password and sign the user out everywhere (admin)
import { requireRecordRequest, type RecordContext } from '../../../../../../_server/record-request';
import { sql } from '../../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../../lib/http/unavailable';
import { endSessionSockets } from '../../../../../../../lib/realtime/end-sessions';
import { sharedEmitter } from '../../../../../../../lib/realtime/shared-emitter';
import { resetPasswordBodySchema, resetUserPassword } from '../../../../../../../lib/users/manage-users';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('password reset failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'administer', missing: '用户不存在', body: resetPasswordBodySchema, maxBodyBytes: 5_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const result = await resetUserPassword(sql, { userId: id, password: body.password, actor: auth.scope.username });
  if (!result.ok) return refusalResponse(result);
  endSessionSockets(sharedEmitter(), { userId: result.value.id }, 'password_reset');
  return Response.json({ id: result.value.id, username: result.value.username });
});
