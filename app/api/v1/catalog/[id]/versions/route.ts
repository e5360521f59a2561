// GET /api/v1/catalog/:id/versions – every version of the entry; POST {…entry} – save a new version of it
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { entryInputSchema, entryValuesOf } from '../../../../../../lib/catalog/entry-input';
import { listEntryVersions } from '../../../../../../lib/catalog/entry-versions';
import { saveCatalogEntryIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { apiError, notFound } from '../../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/catalog/:id/versions failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { missing: '事项不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const versions = await listEntryVersions(sql, auth.scope, id);
  if (!versions) return notFound('事项不存在');
  return Response.json({ data: versions, next: null });
});

export const POST = orUnavailable('catalog revise failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'manageCatalog', missing: '事项不存在', body: entryInputSchema, maxBodyBytes: 50_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const [entry] = await sql<{ region_code: string; code: string }[]>`select region_code, code from catalog_entries where id = ${id}`;
  if (!entry) return notFound('事项不存在');
  if (body.code !== entry.code) return apiError(400, 'invalid_input', '编码不能修改', { code: '编码不能修改' });
  const result = await sql.begin((tx) =>
    saveCatalogEntryIn(tx, { scope: auth.scope, regionCode: entry.region_code, values: entryValuesOf(body), at: now() }),
  );
  if (!result.ok) return refusalResponse(result);
  return Response.json(result);
});
