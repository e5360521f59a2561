// POST /api/v1/catalog/import?regionId= – import a catalog .xlsx (the body is the file): every bad row is
// reported with row, column and reason and nothing is written; otherwise every row in one transaction
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { importCatalog } from '../../../../../lib/catalog/import-catalog';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { apiError, badRequestFromZod, forbidden } from '../../../../../lib/http/errors';
import { queryObject } from '../../../../../lib/http/pagination';
import { refusalResponse } from '../../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_FILE_BYTES = 5_000_000;
const querySchema = z.object({ regionId: z.string({ error: '请指定 regionId' }).regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码') });

export const POST = orUnavailable('catalog import failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'manageCatalog');
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const type = request.headers.get('content-type') ?? '';
  if (!/spreadsheetml|octet-stream/i.test(type)) return apiError(415, 'unsupported_media_type', '请上传 Excel（.xlsx）文件');
  if (Number(request.headers.get('content-length') ?? '0') > MAX_FILE_BYTES) {
    return apiError(413, 'payload_too_large', `文件超过 ${MAX_FILE_BYTES / 1_000_000} MB 上限`);
  }
  const data = new Uint8Array(await request.arrayBuffer());
  if (data.byteLength > MAX_FILE_BYTES) return apiError(413, 'payload_too_large', `文件超过 ${MAX_FILE_BYTES / 1_000_000} MB 上限`);
  const result = await importCatalog(sql, { scope: auth.scope, regionCode: query.data.regionId, data, at: now() });
  if (result.ok) return Response.json(result);
  if (result.refusal !== 'invalid') return refusalResponse(result);
  // the contract's error body; `rows` lists every problem in order for the import page's table
  const fields = Object.fromEntries(result.problems.map((p) => [`第${p.row}行·${p.column}`, p.message]));
  return Response.json({ error: { code: 'invalid_input', message: result.message, fields, rows: result.problems } }, { status: 400 });
});
