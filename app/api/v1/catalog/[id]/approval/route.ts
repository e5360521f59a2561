// POST /api/v1/catalog/:id/approval {approve} – a city-level office decides a pending 不予公开 change
import { z } from 'zod';
import { requireApiUser } from '../../../../../_server/current-user';
import { decideWithheldIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden, notFound } from '../../../../../../lib/http/errors';
import { readJson } from '../../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { log } from '../../../../../../lib/log';
import { entryIdFrom, refusedSave } from '../../entry-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bodySchema = z.strictObject({ approve: z.boolean({ error: 'approve 必须是 true 或 false' }) });

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, ['supervisor', 'admin']);
  if (auth instanceof Response) return auth;
  const id = entryIdFrom((await context.params).id);
  if (id === null) return notFound('事项不存在');
  const body = await readJson(request, bodySchema, 1_000);
  if (!body.ok) return body.response;
  try {
    const result = await sql.begin((tx) => decideWithheldIn(tx, { scope: auth.scope, id, approve: body.data.approve, at: now() }));
    if (!result.ok) return refusedSave(result);
    return Response.json(result);
  } catch (error) {
    log.error({ err: (error as Error).message }, 'catalog approval failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
