// GET /api/v1/alerts – alerts in the user's scope, newest first, or oldest first after a seq
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { listAlerts } from '../../../../lib/alerts/queries';
import { sql } from '../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  state: z.enum(['open', 'acknowledged', 'resolved', 'unresolved'], { error: 'state 应为 open/acknowledged/resolved/unresolved' }).optional(),
  level: z.enum(['yellow', 'orange', 'red'], { error: 'level 应为 yellow/orange/red' }).optional(),
  departmentId: z.coerce.number({ error: 'departmentId 必须是整数' }).int('departmentId 必须是整数').positive('departmentId 必须是正整数').optional(),
  afterSeq: z.coerce.number({ error: 'afterSeq 必须是整数' }).int('afterSeq 必须是整数').min(0, 'afterSeq 不能为负').optional(),
  cursor: cursorSchema(z.number().int()),
  limit: limitSchema,
});

export async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { cursor, limit, afterSeq, ...filter } = query.data;
  // the cursor is the last seq served: below it newest-first, above it when catching up after a seq
  const rows = await listAlerts(sql, auth.scope, {
    ...filter,
    ...(afterSeq !== undefined ? { afterSeq: cursor ?? afterSeq } : { beforeSeq: cursor }),
    limit: limit + 1,
  });
  return Response.json(toPage(rows.map((row) => row.alert), limit, (alert) => alert.seq));
}
