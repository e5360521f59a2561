// GET /api/v1/catalog/:id – one catalog entry with its basis, content, requirements and current obligations
import { requireApiUser } from '../../../../_server/current-user';
import { findCatalogEntryWithObligations } from '../../../../../lib/catalog/queries';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../lib/http/errors';
import { log } from '../../../../../lib/log';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const raw = (await context.params).id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (id <= 0 || !Number.isSafeInteger(id)) return notFound('公开事项不存在');
  try {
    const entry = await findCatalogEntryWithObligations(sql, auth.scope, id, now());
    if (entry === 'missing') return notFound('公开事项不存在');
    if (entry === 'outside') return forbidden('该公开事项不在您的管辖范围内');
    return Response.json(entry);
  } catch (error) {
    log.error({ err: (error as Error).message, entryId: id }, 'catalog entry failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
