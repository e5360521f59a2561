// POST /api/v1/scores/what-if {period, weights} – the ranking new weights would give, beside today's (admin; nothing saved)
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { forbidden } from '../../../../../lib/http/errors';
import { readJson } from '../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { periodSchema } from '../../../../../lib/scoring/period';
import { weightsSchema } from '../../../../../lib/scoring/weights';
import { previewWeights } from '../../../../../lib/scoring/store/what-if';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bodySchema = z.object({ period: periodSchema, weights: weightsSchema });

export const POST = orUnavailable('POST /api/v1/scores/what-if failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'editScoreWeights');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, bodySchema);
  if (!body.ok) return body.response;
  return Response.json({ data: await previewWeights(sql, auth.scope, { ...body.data, at: now() }) });
});
