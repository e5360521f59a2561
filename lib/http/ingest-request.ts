// POST /api/v1/items, the one implementation of the contract: the Next.js route (app/api/v1/items/route.ts)
// calls handleIngestRequest (Request → Response), and server.ts's fast path for API-key requests calls
// answerIngest with a light stand-in for the request and writes the answer itself, skipping Next's routing
// and the web Request/Response objects (together about 3 ms of CPU per request here; BENCHMARKS.md).
// Authentication by a department API key lives here; a signed-in department user is identified by the
// caller (the route reads the session the way every route does).
import { z } from 'zod';
import { findDepartmentByApiKey } from '../auth/api-keys';
import { readSessionToken } from '../auth/session-cookie';
import { now } from '../clock';
import { sql } from '../db/sql';
import { ingestItem, type IngestDepartment } from '../items/ingest-item';
import { log } from '../log';
import { apiError, forbidden } from './errors';
import { readJson, type JsonBodySource } from './read-json';
import { refusalResponse } from './refusal-response';
import { isCrossSiteRequest, type OriginSource } from './same-origin';
import { unavailableAfter } from './unavailable';

const BEARER_PATTERN = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export type IngestCaller = { department: IngestDepartment; actor: string };

/** What the handler reads of a request (a web Request is one). */
export interface IngestRequest extends OriginSource, JsonBodySource {}

/** Identifies a request that carries a session cookie and no Authorization header. */
export type SessionIdentifier<R extends IngestRequest = Request> = (request: R) => Promise<IngestCaller | Response>;

/** A stored item (201 created, 200 changed or unchanged), or the refusal's response. */
export type IngestAnswer =
  | { ok: true; status: 200 | 201; body: { id: number; version: number; changed: boolean } }
  | { ok: false; response: Response };

const refused = (response: Response): IngestAnswer => ({ ok: false, response });

async function identify<R extends IngestRequest>(request: R, identifySession: SessionIdentifier<R>): Promise<IngestCaller | Response> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const key = BEARER_PATTERN.exec(authorization.trim())?.[1];
    const department = key ? await findDepartmentByApiKey(sql, key) : null;
    if (!department) {
      return apiError(401, 'unauthenticated', '接口密钥无效或已吊销', undefined, { 'www-authenticate': 'Bearer' });
    }
    return { department, actor: `apikey:${department.keyPrefix}` };
  }
  if (readSessionToken(request.headers.get('cookie')) === null) {
    return apiError(401, 'unauthenticated', '请提供部门接口密钥（Authorization: Bearer <密钥>）或先登录', undefined, {
      'www-authenticate': 'Bearer',
    });
  }
  return identifySession(request);
}

export async function handleIngestRequest(request: Request, identifySession: SessionIdentifier): Promise<Response> {
  const answer = await answerIngest(request, identifySession);
  if (!answer.ok) return answer.response;
  return Response.json(answer.body, { status: answer.status, headers: { 'cache-control': 'no-store' } });
}

export async function answerIngest<R extends IngestRequest>(request: R, identifySession: SessionIdentifier<R>): Promise<IngestAnswer> {
  if (isCrossSiteRequest(request)) return refused(forbidden('拒绝跨站请求'));
  let caller: IngestCaller | Response;
  try {
    caller = await identify(request, identifySession);
  } catch (error) {
    return refused(unavailableAfter(error, 'ingest authentication failed'));
  }
  if (caller instanceof Response) return refused(caller);

  // the body is validated by ingestItem, which names every rejected field
  const body = await readJson(request, z.unknown());
  if (!body.ok) return refused(body.response);

  const receivedAt = now();
  let result;
  try {
    result = await ingestItem(sql, { department: caller.department, payload: body.data, receivedAt, actor: caller.actor });
  } catch (error) {
    return refused(unavailableAfter(error, 'ingest failed', { departmentId: caller.department.id }));
  }
  if (!result.ok) {
    log.info({ departmentId: caller.department.id, refusal: result.refusal }, 'ingest refused');
    return refused(refusalResponse(result));
  }

  log.info(
    { itemId: result.id, version: result.version, changed: result.changed, departmentId: caller.department.id, actor: caller.actor },
    'item ingested',
  );
  return { ok: true, status: result.created ? 201 : 200, body: { id: result.id, version: result.version, changed: result.changed } };
}
