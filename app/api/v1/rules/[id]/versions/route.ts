// GET /api/v1/rules/:id/versions – a rule's version history, newest first
import { requireApiUser } from '../../../../../_server/current-user';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, notFound } from '../../../../../../lib/http/errors';
import { log } from '../../../../../../lib/log';
import { findRuleView, listRuleVersions } from '../../../../../../lib/rules/list-rules';
import { ruleIdSchema } from '../rule-id';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  const id = ruleIdSchema.safeParse((await context.params).id);
  if (!id.success) return notFound('规则不存在');
  try {
    const rule = await findRuleView(sql, auth.scope, id.data);
    if (!rule) return notFound(`规则 ${id.data} 不存在`);
    return Response.json({ data: await listRuleVersions(sql, id.data), next: null });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'rule versions failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
