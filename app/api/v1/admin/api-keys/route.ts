// GET /api/v1/admin/api-keys?departmentId= – departments' ingest keys (admin); POST {departmentId, label?} –
// issue one: the key itself is in this answer only
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod, forbidden } from '../../../../../lib/http/errors';
import { refusalResponse } from '../../../../../lib/http/refusal-response';
import { queryObject } from '../../../../../lib/http/pagination';
import { readJson } from '../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { issueDepartmentKey, issueKeyBodySchema, listDepartmentKeys } from '../../../../../lib/users/manage-api-keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ departmentId: z.coerce.number({ error: 'departmentId 必须是正整数' }).int().positive().optional() });

export const GET = orUnavailable('api key list failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'administer');
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  return Response.json({ data: await listDepartmentKeys(sql, query.data), next: null });
});

export const POST = orUnavailable('api key issue failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'administer');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, issueKeyBodySchema, 2_000);
  if (!body.ok) return body.response;
  const result = await issueDepartmentKey(sql, { ...body.data, actor: auth.scope.username });
  if (!result.ok) return refusalResponse(result);
  return Response.json(result.value, { status: 201, headers: { 'cache-control': 'no-store' } });
});
