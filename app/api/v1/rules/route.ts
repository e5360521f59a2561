// GET /api/v1/rules – the rules that apply in the user's region, with scope, params, level, state and version
import { requireApiUser } from '../../../_server/current-user';
import { sql } from '../../../../lib/db/sql';
import { apiError } from '../../../../lib/http/errors';
import { log } from '../../../../lib/log';
import { listRulesForScope } from '../../../../lib/rules/list-rules';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  try {
    // a region's rules are a few dozen at most: one page
    return Response.json({ data: await listRulesForScope(sql, auth.scope), next: null });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'rules list failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
