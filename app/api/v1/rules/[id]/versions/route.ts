// GET /api/v1/rules/:id/versions – a rule's version history, newest first
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { sql } from '../../../../../../lib/db/sql';
import { notFound } from '../../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { findRuleView, listRuleVersions } from '../../../../../../lib/rules/store/list-rules';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('rule versions failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { permission: 'manageRules', missing: '规则不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const rule = await findRuleView(sql, auth.scope, id);
  if (!rule) return notFound(`规则 ${id} 不存在`);
  return Response.json({ data: await listRuleVersions(sql, id), next: null });
});
