// POST /api/v1/admin/users/:id/password {password} – set a new password and sign the user out everywhere (admin)
import { requireRecordRequest, type RecordContext } from '../../../../../../_server/record-request';
import { rolesThatCan } from '../../../../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../../../../lib/db/sql';
import { apiError } from '../../../../../../../lib/http/errors';
import { log } from '../../../../../../../lib/log';
import { endSessionSockets } from '../../../../../../../lib/realtime/end-sessions';
import { sharedEmitter } from '../../../../../../../lib/realtime/shared-emitter';
import { resetPasswordBodySchema, resetUserPassword } from '../../../../../../../lib/users/manage-users';
import { refusal } from '../../../admin-result';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: RecordContext): Promise<Response> {
  const accepted = await requireRecordRequest(request, context, { roles: rolesThatCan('administer'), missing: '用户不存在', body: resetPasswordBodySchema, maxBodyBytes: 5_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  try {
    const result = await resetUserPassword(sql, { userId: id, password: body.password, actor: auth.scope.username });
    if (!result.ok) return refusal(result);
    endSessionSockets(sharedEmitter(), { userId: result.value.id }, 'password_reset');
    return Response.json({ id: result.value.id, username: result.value.username });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'password reset failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
