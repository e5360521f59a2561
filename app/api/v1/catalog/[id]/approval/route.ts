// POST /api/v1/catalog/:id/approval {approve} – a city-level office decides a pending 不予公开 change
import { z } from 'zod';
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { decideWithheldIn } from '../../../../../../lib/catalog/save-catalog-entry';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { orUnavailable } from '../../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bodySchema = z.strictObject({ approve: z.boolean({ error: 'approve 必须是 true 或 false' }) });

export const POST = orUnavailable('catalog approval failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'manageCatalog', missing: '事项不存在', body: bodySchema, maxBodyBytes: 1_000 });
  if (accepted instanceof Response) return accepted;
  const { auth, id, body } = accepted;
  const result = await sql.begin((tx) => decideWithheldIn(tx, { scope: auth.scope, id, approve: body.approve, at: now() }));
  if (!result.ok) return refusalResponse(result);
  return Response.json(result);
});
