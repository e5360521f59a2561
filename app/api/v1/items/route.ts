// POST /api/v1/items – upsert an item from a department's CMS (API key) or a signed-in department user
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { findDepartmentByApiKey } from '../../../../lib/auth/api-keys';
import { readSessionToken } from '../../../../lib/auth/session-cookie';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../lib/http/errors';
import { readJson } from '../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { enqueueItemCheck } from '../../../../lib/items/check-job';
import { findIngestDepartment } from '../../../../lib/items/find-ingest-department';
import { ingestItem, type IngestDepartment } from '../../../../lib/items/ingest-item';
import { getQueue } from '../../../../lib/jobs/producer';
import { CHECK_QUEUE } from '../../../../lib/jobs/queues';
import { log } from '../../../../lib/log';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const BEARER_PATTERN = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const unavailable = () => apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');

type Caller = { department: IngestDepartment; actor: string } | Response;

async function identify(request: Request): Promise<Caller> {
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
  const auth = await requireApiUser(request, ['dept']);
  if (auth instanceof Response) return auth;
  const department = auth.user.departmentId === null ? null : await findIngestDepartment(sql, auth.user.departmentId);
  if (!department) return forbidden('当前账号未关联部门，不能报送信息');
  return { department, actor: auth.user.username };
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  let caller: Caller;
  try {
    caller = await identify(request);
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
