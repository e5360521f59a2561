// POST /api/v1/requests – an applicant files online (no login), or staff register a letter / visit with receivedAt
// GET /api/v1/requests – the requests of the user's scope (the office's and the agency's queue)
import { requireApiUser } from '../../../_server/current-user';
import { clientAddress } from '../../../../lib/auth/client-address';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { scopeOf } from '../../../../lib/auth/scope';
import { readSessionToken } from '../../../../lib/auth/session-cookie';
import { getSessionUser } from '../../../../lib/auth/sessions';
import { now } from '../../../../lib/clock';
import { publicRateLimiter } from '../../../../lib/complaints/public-rate-limit';
import { newTrackingCode } from '../../../../lib/complaints/tracking-code';
import { sql } from '../../../../lib/db/sql';
import { badRequestFromZod, forbidden } from '../../../../lib/http/errors';
import { queryObject } from '../../../../lib/http/pagination';
import { readJson } from '../../../../lib/http/read-json';
import { refusalResponse } from '../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../lib/http/unavailable';
import { log } from '../../../../lib/log';
import { sharedEmitter } from '../../../../lib/realtime/shared-emitter';
import { fileRequest } from '../../../../lib/requests/file-request';
import { publishRequestChange } from '../../../../lib/requests/publish-request-change';
import { listRequests } from '../../../../lib/requests/queries';
import { intakeSchema, listQuerySchema, PUBLIC_BODY_MAX_BYTES } from '../../../../lib/requests/schemas';
import { limiterUnavailable, rateLimited } from '../complaints/public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const STAFF_BODY_MAX_BYTES = 64_000;

export const POST = orUnavailable('POST /api/v1/requests failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  // signed-in staff register letters and visits; everyone else is the public, with the public's limits
  const session = await getSessionUser(sql, readSessionToken(request.headers.get('cookie')));
  const staff = session && can(session.user, 'registerRequests') ? scopeOf(session.user) : null;
  if (!staff) {
    // every public request spends the address's budget, bad ones included, before the body is read
    try {
      const limit = await publicRateLimiter().consume('request', clientAddress(request.headers));
      if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
    } catch {
      return limiterUnavailable();
    }
  }
  const body = await readJson(request, intakeSchema, staff ? STAFF_BODY_MAX_BYTES : PUBLIC_BODY_MAX_BYTES);
  if (!body.ok) return body.response;
  if (body.data.website) {
    // a bot filled the hidden field: it gets what a person would, and nothing is stored
    log.info({ honeypot: true }, 'request honeypot');
    return Response.json({ id: 0, trackingCode: newTrackingCode() }, { status: 201 });
  }
  const result = await fileRequest(sql, staff, body.data, now());
  if (!result.ok) return refusalResponse(result);
  await publishRequestChange(sql, sharedEmitter(), result.id, body.data.channel === 'online' ? 'submitted' : 'received', result.changes);
  return Response.json({ id: result.id, trackingCode: result.trackingCode }, { status: 201 });
});

export const GET = orUnavailable('GET /api/v1/requests failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readRequests');
  if (auth instanceof Response) return auth;
  const query = listQuerySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  return Response.json(await listRequests(sql, auth.scope, query.data));
});
