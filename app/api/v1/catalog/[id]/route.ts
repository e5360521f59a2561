// GET /api/v1/catalog/:id – one catalog entry with its basis, content, requirements and current obligations
import { requireRecordRequest, type RecordContext } from '../../../../_server/record-request';
import { findCatalogEntryWithObligations } from '../../../../../lib/catalog/queries';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { forbidden, notFound } from '../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('catalog entry failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { missing: '公开事项不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const entry = await findCatalogEntryWithObligations(sql, auth.scope, id, now());
  if (entry === 'missing') return notFound('公开事项不存在');
  if (entry === 'outside') return forbidden('该公开事项不在您的管辖范围内');
  return Response.json(entry);
});
