// GET /api/v1/catalog/export?regionId= – a region's current catalog as .xlsx, in the import format
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { XLSX_CONTENT_TYPE } from '../../../../../lib/catalog/catalog-workbook';
import { exportCatalog } from '../../../../../lib/catalog/import-catalog';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../../lib/http/errors';
import { queryObject } from '../../../../../lib/http/pagination';
import { refusalResponse } from '../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ regionId: z.string({ error: '请指定 regionId' }).regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码') });

export const GET = orUnavailable('catalog export failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'manageCatalog');
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const result = await exportCatalog(sql, { scope: auth.scope, regionCode: query.data.regionId });
  if (!result.ok) return refusalResponse(result);
  return new Response(new Uint8Array(result.data), {
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="catalog-${query.data.regionId}.xlsx"; filename*=UTF-8''${encodeURIComponent(`公开事项目录-${query.data.regionId}.xlsx`)}`,
    },
  });
});
