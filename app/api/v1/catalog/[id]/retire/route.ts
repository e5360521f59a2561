// POST /api/v1/catalog/:id/retire – 停用 an entry: no new obligations are formed under it
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { rolesThatCan } from '../../../../../../lib/auth/permissions/role-permissions';
import { retireCatalogEntryIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError } from '../../../../../../lib/http/errors';
import { log } from '../../../../../../lib/log';
import { refusedSave } from '../../entry-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: RecordContext): Promise<Response> {
  const accepted = await requireRecordRequest(request, context, { roles: rolesThatCan('manageCatalog'), missing: '事项不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  try {
    const result = await sql.begin((tx) => retireCatalogEntryIn(tx, { scope: auth.scope, id, at: now() }));
    if (!result.ok) return refusedSave(result);
    return Response.json(result);
  } catch (error) {
    log.error({ err: (error as Error).message }, 'catalog retire failed');
    return apiError(503, 'unavailable', '服务暂时不可用，请稍后再试');
  }
}
