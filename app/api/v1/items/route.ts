// POST /api/v1/items – upsert an item from a department's CMS (API key) or a signed-in department user.
// The handler is lib/http/ingest-request.ts (server.ts answers API-key requests with it before Next.js);
// this route adds the session path.
import { requireApiUser } from '../../../_server/current-user';
import { sql } from '../../../../lib/db/sql';
import { forbidden } from '../../../../lib/http/errors';
import { findIngestDepartment } from '../../../../lib/items/find-ingest-department';
import { handleIngestRequest, type IngestCaller } from '../../../../lib/http/ingest-request';
import { orUnavailable } from '../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function identifySession(request: Request): Promise<IngestCaller | Response> {
  const auth = await requireApiUser(request, 'publishItems');
  if (auth instanceof Response) return auth;
  const department = auth.user.departmentId === null ? null : await findIngestDepartment(sql, auth.user.departmentId);
  if (!department) return forbidden('当前账号未关联部门，不能报送信息');
  return { department, actor: auth.user.username };
}

export const POST = orUnavailable('item ingest failed', (request: Request) => handleIngestRequest(request, identifySession));
