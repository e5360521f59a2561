// GET /api/v1/score-weights – the scoring weights in force · PUT {weights} – save a new version (admin; audited)
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { rolesThatCan } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { forbidden } from '../../../../lib/http/errors';
import { readJson } from '../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { weightsSchema } from '../../../../lib/scoring/weights';
import { getCurrentWeights, saveWeights } from '../../../../lib/scoring/weights-queries';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, rolesThatCan('readScores'));
  if (auth instanceof Response) return auth;
  return Response.json(await getCurrentWeights(sql));
}

export async function PUT(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, rolesThatCan('editScoreWeights'));
  if (auth instanceof Response) return auth;
  const body = await readJson(request, z.object({ weights: weightsSchema }));
  if (!body.ok) return body.response;
  const saved = await saveWeights(sql, { weights: body.data.weights, actor: auth.scope.username, at: now() });
  return Response.json(saved);
}
