// POST /api/v1/catalog/:id/retire – 停用 an entry: no new obligations are formed under it
import { requireApiUser } from '../../../../../_server/current-user';
import { retireCatalogEntryIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../../lib/http/errors';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { log } from '../../../../../../lib/log';
import { entryIdFrom, refusedSave } from '../../entry-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  const id = entryIdFrom((await context.params).id);
  if (id === null) return notFound('事项不存在');
  try {
    const result = await sql.begin((tx) => retireCatalogEntryIn(tx, { scope: auth.scope, id, at: now() }));
    if (!result.ok) return refusedSave(result);
    return Response.json(result);
  } catch (error) {
    log.error({ err: (error as Error).message }, 'catalog retire failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
