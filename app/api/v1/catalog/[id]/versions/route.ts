// GET /api/v1/catalog/:id/versions – every version of the entry; POST {…entry} – save a new version of it
import { requireApiUser } from '../../../../../_server/current-user';
import { entryInputSchema, entryValuesOf } from '../../../../../../lib/catalog/entry-input';
import { listEntryVersions } from '../../../../../../lib/catalog/entry-versions';
import { saveCatalogEntryIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../../lib/http/errors';
import { readJson } from '../../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { log } from '../../../../../../lib/log';
import { entryIdFrom, refusedSave } from '../../entry-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const id = entryIdFrom((await context.params).id);
  if (id === null) return notFound('事项不存在');
  const versions = await listEntryVersions(sql, auth.scope, id);
  if (!versions) return notFound('事项不存在');
  return Response.json({ data: versions, next: null });
}

export async function POST(request: Request, context: Context): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  const id = entryIdFrom((await context.params).id);
  if (id === null) return notFound('事项不存在');
  const body = await readJson(request, entryInputSchema, 50_000);
  if (!body.ok) return body.response;
  try {
    const [entry] = await sql<{ region_code: string; code: string }[]>`select region_code, code from catalog_entries where id = ${id}`;
    if (!entry) return notFound('事项不存在');
    if (body.data.code !== entry.code) return apiError(400, 'invalid_input', '编码不能修改', { code: '编码不能修改' });
    const result = await sql.begin((tx) =>
      saveCatalogEntryIn(tx, { scope: auth.scope, regionCode: entry.region_code, values: entryValuesOf(body.data), at: now() }),
    );
    if (!result.ok) return refusedSave(result);
    return Response.json(result);
  } catch (error) {
    log.error({ err: (error as Error).message }, 'catalog revise failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
