// GET /api/v1/admin/api-keys?departmentId= – departments' ingest keys (admin); POST {departmentId, label?} –
// issue one: the key itself is in this answer only
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { rolesThatCan } from '../../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../../lib/db/sql';
import { apiError, badRequestFromZod, forbidden } from '../../../../../lib/http/errors';
import { queryObject } from '../../../../../lib/http/pagination';
import { readJson } from '../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { log } from '../../../../../lib/log';
import { issueDepartmentKey, issueKeyBodySchema, listDepartmentKeys } from '../../../../../lib/users/manage-api-keys';
import { refusal } from '../admin-result';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ departmentId: z.coerce.number({ error: 'departmentId 必须是正整数' }).int().positive().optional() });

export async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, rolesThatCan('administer'));
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  try {
    return Response.json({ data: await listDepartmentKeys(sql, query.data), next: null });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'api key list failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, rolesThatCan('administer'));
  if (auth instanceof Response) return auth;
  const body = await readJson(request, issueKeyBodySchema, 2_000);
  if (!body.ok) return body.response;
  try {
    const result = await issueDepartmentKey(sql, { ...body.data, actor: auth.scope.username });
    if (!result.ok) return refusal(result);
    return Response.json(result.value, { status: 201, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    log.error({ err: (error as Error).message }, 'api key issue failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
