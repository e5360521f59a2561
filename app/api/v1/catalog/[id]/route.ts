// GET /api/v1/catalog/:id – one catalog entry with its basis, content, requirements and current obligations
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import { findCatalogEntryWithObligations } from '../../../../../lib/catalog/queries';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../lib/http/errors';
import { log } from '../../../../../lib/log';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: RecordContext): Promise<Response> {
  const accepted = await requireRecordRequest(request, context, { missing: '公开事项不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
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
