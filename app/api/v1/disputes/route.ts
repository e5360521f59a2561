// POST /api/v1/disputes – a department disputes one of its alerts or deductions (申诉)
// GET /api/v1/disputes – the disputes of the user's scope, newest first
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { fileDispute } from '../../../../lib/disputes/file-dispute';
import { listDisputes } from '../../../../lib/disputes/queries';
import { disputeFilterSchema, fileDisputeSchema } from '../../../../lib/disputes/schemas';
import { badRequestFromZod, forbidden } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { readJson } from '../../../../lib/http/read-json';
import { refusalResponse } from '../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const DISPUTE_BODY_MAX_BYTES = 64_000;

export const POST = orUnavailable('POST /api/v1/disputes failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'fileDisputes');
  if (auth instanceof Response) return auth;
  const body = await readJson(request, fileDisputeSchema, DISPUTE_BODY_MAX_BYTES);
  if (!body.ok) return body.response;
  const result = await fileDispute(sql, auth.scope, body.data, now());
  if (!result.ok) return refusalResponse(result);
  return Response.json(result.dispute, { status: 201 });
});

const listQuerySchema = disputeFilterSchema.extend({
  cursor: cursorSchema(z.number().int().positive()),
  limit: limitSchema,
});

export const GET = orUnavailable('GET /api/v1/disputes failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readDisputes');
  if (auth instanceof Response) return auth;
  const query = listQuerySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { cursor, limit, ...filter } = query.data;
  const rows = await listDisputes(sql, auth.scope, filter, { beforeId: cursor, limit: limit + 1 });
  return Response.json(toPage(rows, limit, (row) => row.id));
});
