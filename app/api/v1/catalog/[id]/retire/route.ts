// POST /api/v1/catalog/:id/retire – 停用 an entry: no new obligations are formed under it
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { retireCatalogEntryIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('catalog retire failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'manageCatalog', missing: '事项不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const result = await sql.begin((tx) => retireCatalogEntryIn(tx, { scope: auth.scope, id, at: now() }));
  if (!result.ok) return refusalResponse(result);
  return Response.json(result);
});
