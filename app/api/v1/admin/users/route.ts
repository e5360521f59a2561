// GET /api/v1/admin/users?q=&role=&cursor=&limit= – users (admin); POST {username, displayName, password,
// role, regionCode, departmentId?} – create one
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { roleSchema } from '../../../../../lib/auth/roles';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod, forbidden } from '../../../../../lib/http/errors';
import { refusalResponse } from '../../../../../lib/http/refusal-response';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../../lib/http/pagination';
import { readJson } from '../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { listUsers } from '../../../../../lib/users/list-users';
import { createManagedUser, createUserBodySchema } from '../../../../../lib/users/manage-users';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  q: z.string().trim().max(64, '搜索词不超过 64 字').optional(),
  role: roleSchema.optional(),
  cursor: cursorSchema(z.number().int().min(0)),
  limit: limitSchema,
});

export const GET = orUnavailable('user list failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'administer');
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { q, role, cursor = 0, limit } = query.data;
  const rows = await listUsers(sql, { q: q || undefined, role }, { offset: cursor, limit: limit + 1 });
  const page = toPage(rows, limit, () => cursor + limit);
  return Response.json(page);
});

export const POST = orUnavailable('user create failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'administer');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, createUserBodySchema, 10_000);
  if (!body.ok) return body.response;
  const result = await createManagedUser(sql, { body: body.data, actor: auth.scope.username });
  if (!result.ok) return refusalResponse(result);
  const { id, username, displayName, role, regionCode, departmentId, isActive } = result.value;
  return Response.json({ id, username, displayName, role, regionCode, departmentId, isActive }, { status: 201 });
});
