// POST /api/v1/items as a web-standard handler (Request → Response), the one implementation of the contract:
// the Next.js route (app/api/v1/items/route.ts) calls it, and so does server.ts's fast path for API-key
// requests, which skips Next's routing (about 4 ms of CPU per request on this machine; BENCHMARKS.md).
// Authentication by a department API key lives here; a signed-in department user is identified by the
// caller (the route reads the session the way every route does).
import { z } from 'zod';
import { findDepartmentByApiKey } from '../auth/api-keys';
import { readSessionToken } from '../auth/session-cookie';
import { now } from '../clock';
import { sql } from '../db/sql';
import { apiError, forbidden } from '../http/errors';
import { readJson } from '../http/read-json';
import { isCrossSiteRequest } from '../http/same-origin';
import { getQueue } from '../jobs/producer';
import { CHECK_QUEUE } from '../jobs/queues';
import { log } from '../log';
import { enqueueItemCheck } from './check-job';
import { ingestItem, type IngestDepartment } from './ingest-item';

const BEARER_PATTERN = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const unavailable = () => apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');

export type IngestCaller = { department: IngestDepartment; actor: string };

/** Identifies a request that carries a session cookie and no Authorization header. */
export type SessionIdentifier = (request: Request) => Promise<IngestCaller | Response>;

async function identify(request: Request, identifySession: SessionIdentifier): Promise<IngestCaller | Response> {
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
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  let caller: IngestCaller | Response;
  try {
    caller = await identify(request, identifySession);
  } catch (error) {
    log.error({ err: (error as Error).message }, 'ingest authentication failed');
    return unavailable();
  }
  if (caller instanceof Response) return caller;

  // the body is validated by ingestItem, which names every rejected field
  const body = await readJson(request, z.unknown());
  if (!body.ok) return body.response;

  const receivedAt = now();
  let result;
  try {
    result = await ingestItem(sql, { department: caller.department, payload: body.data, receivedAt, actor: caller.actor });
  } catch (error) {
    log.error({ err: (error as Error).message, departmentId: caller.department.id }, 'ingest failed');
    return unavailable();
  }
  if (!result.ok) {
    log.info({ departmentId: caller.department.id, status: result.status, code: result.code }, 'ingest refused');
    return apiError(result.status, result.code, result.message, result.fields);
  }

  try {
    // after the commit, with a job id per item version: a resend while the job waits adds nothing
    await enqueueItemCheck(getQueue(CHECK_QUEUE), { itemId: result.id, version: result.version });
  } catch (error) {
    // the item is saved; its check runs on the next resend or change. The caller need not retry.
    log.error({ err: (error as Error).message, itemId: result.id, version: result.version }, 'check enqueue failed');
  }
  log.info(
    { itemId: result.id, version: result.version, changed: result.changed, departmentId: caller.department.id, actor: caller.actor },
    'item ingested',
  );
  return Response.json(
    { id: result.id, version: result.version, changed: result.changed },
    { status: result.status, headers: { 'cache-control': 'no-store' } },
  );
}
