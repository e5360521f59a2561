// POST /api/v1/catalog/entries – create a catalog entry {regionId, code, name, …, timeLimitText} (supervisor, admin)
import { requireApiUser } from '../../../../_server/current-user';
import { entryValuesOf } from '../../../../../lib/catalog/entry-input';
import { saveCatalogEntryIn } from '../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../lib/http/refusal-response';
import { apiError, forbidden } from '../../../../../lib/http/errors';
import { readJson } from '../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { entryBodySchema } from '../entry-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = orUnavailable('catalog create failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'manageCatalog');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, entryBodySchema, 50_000);
  if (!body.ok) return body.response;
  const { regionId, ...input } = body.data;
  const [exists] = await sql`select 1 from catalog_entries where region_code = ${regionId} and code = ${input.code}`;
  if (exists) return apiError(409, 'conflict', `编码 ${input.code} 已存在`, { code: '该区域已有此编码' });
  const result = await sql.begin((tx) => saveCatalogEntryIn(tx, { scope: auth.scope, regionCode: regionId, values: entryValuesOf(input), at: now() }));
  if (!result.ok) return refusalResponse(result);
  return Response.json(result, { status: 201 });
});
