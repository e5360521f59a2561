// POST /api/v1/complaints – a citizen files online (no login) or a handler registers any channel
// GET /api/v1/complaints – the complaints of the user's scope (handler queue, department view)
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { scopeOf } from '../../../../lib/auth/scope';
import { readSessionToken } from '../../../../lib/auth/session-cookie';
import { getSessionUser } from '../../../../lib/auth/sessions';
import { clientAddress } from '../../../../lib/auth/client-address';
import { now } from '../../../../lib/clock';
import { fileComplaint } from '../../../../lib/complaints/file-complaint';
import { publicRateLimiter } from '../../../../lib/complaints/public-rate-limit';
import { publishComplaintChange } from '../../../../lib/complaints/publish-complaint-change';
import { complaintListQuerySchema, listComplaints } from '../../../../lib/complaints/queries';
import { intakeSchema, PUBLIC_BODY_MAX_BYTES } from '../../../../lib/complaints/schemas';
import { newTrackingCode } from '../../../../lib/complaints/tracking-code';
import { sql } from '../../../../lib/db/sql';
import { badRequestFromZod, forbidden } from '../../../../lib/http/errors';
import { refusalResponse } from '../../../../lib/http/refusal-response';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { readJson } from '../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { log } from '../../../../lib/log';
import { refuse } from '../../../../lib/refusal';
import { sharedEmitter } from '../../../../lib/realtime/shared-emitter';
import { limiterUnavailable, rateLimited } from './public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const HANDLER_BODY_MAX_BYTES = 64_000;

export const POST = orUnavailable('POST /api/v1/complaints failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  // a signed-in handler registers any channel; everyone else is the public, with the public's limits
  const session = await getSessionUser(sql, readSessionToken(request.headers.get('cookie')));
  const handler = session && can(session.user, 'registerComplaints') ? scopeOf(session.user) : null;
  if (!handler) {
    // every public request spends the address's budget, bad ones included, before the body is read
    try {
      const limit = await publicRateLimiter().consume('file', clientAddress(request.headers));
      if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
    } catch {
      return limiterUnavailable();
    }
  }
  const body = await readJson(request, intakeSchema, handler ? HANDLER_BODY_MAX_BYTES : PUBLIC_BODY_MAX_BYTES);
  if (!body.ok) return body.response;
  if (body.data.website) {
    // a bot filled the hidden field: it gets what a person would, and nothing is stored
    log.info({ honeypot: true }, 'complaint honeypot');
    return Response.json({ trackingCode: newTrackingCode() }, { status: 201 });
  }
  if (!handler && body.data.attachments) {
    return refusalResponse(refuse('invalid', '网上投诉不支持附件', { attachments: '网上投诉不支持附件' }));
  }
  const result = await fileComplaint(sql, handler, body.data, now());
  if (!result.ok) return refusalResponse(result);
  await publishComplaintChange(sql, sharedEmitter(), result.id, ['received'], result.changes);
  return Response.json(handler ? { trackingCode: result.trackingCode, id: result.id } : { trackingCode: result.trackingCode }, { status: 201 });
});

const listQuerySchema = complaintListQuerySchema.extend({
  cursor: cursorSchema(z.number().int().min(0)),
  limit: limitSchema,
});

export const GET = orUnavailable('GET /api/v1/complaints failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readComplaints');
  if (auth instanceof Response) return auth;
  const query = listQuerySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { cursor, limit, ...filter } = query.data;
  const offset = cursor ?? 0;
  const { rows } = await listComplaints(sql, auth.scope, filter, { offset, limit: limit + 1 });
  const page = toPage(rows, limit, () => offset + limit);
  return Response.json(page);
});
