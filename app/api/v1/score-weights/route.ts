// GET /api/v1/score-weights – the scoring weights in force · PUT {weights} – save a new version (admin; audited)
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { forbidden } from '../../../../lib/http/errors';
import { readJson } from '../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { weightsSchema } from '../../../../lib/scoring/weights';
import { getCurrentWeights, saveWeights } from '../../../../lib/scoring/store/weights-queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/score-weights failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readScores');
  if (auth instanceof Response) return auth;
  return Response.json(await getCurrentWeights(sql));
});

export const PUT = orUnavailable('PUT /api/v1/score-weights failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'editScoreWeights');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, z.object({ weights: weightsSchema }));
  if (!body.ok) return body.response;
  const saved = await saveWeights(sql, { weights: body.data.weights, actor: auth.scope.username, at: now() });
  return Response.json(saved);
});
