// GET /api/v1/alerts – alerts in the user's scope, newest first, or oldest first after a seq; with asOf, as they
// stood at that moment (回看)
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { asOfSchema } from '../../../../lib/alerts/as-of-param';
import { listAlertsAsOf } from '../../../../lib/alerts/as-of';
import { alertFilterShape, checkOpenedRange, toAlertListFilter } from '../../../../lib/alerts/alert-filter';
import { listAlerts, openedCursorKey, OPENED_CURSOR_PATTERN } from '../../../../lib/alerts/queries';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { apiError, badRequestFromZod } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { orUnavailable } from '../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// a seq (newest first by seq, or catching up after a seq), or 'id:<id>' for the opening order
const cursorKeySchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(OPENED_CURSOR_PATTERN)
    .transform((key) => ({ beforeId: Number(OPENED_CURSOR_PATTERN.exec(key)![1]) })),
]);

const querySchema = z
  .object({
    ...alertFilterShape,
    afterSeq: z.coerce.number({ error: 'afterSeq 必须是整数' }).int('afterSeq 必须是整数').min(0, 'afterSeq 不能为负').optional(),
    order: z.enum(['seq', 'opened'], { error: 'order 应为 seq 或 opened' }).optional(),
    cursor: cursorSchema(cursorKeySchema),
    limit: limitSchema,
    asOf: asOfSchema(now),
  })
  .superRefine(checkOpenedRange)
  .superRefine((value, context) => {
    if (value.asOf !== undefined && value.afterSeq !== undefined) {
      context.addIssue({ code: 'custom', path: ['afterSeq'], message: '回看（asOf）时不能同时使用 afterSeq' });
    }
  });

export const GET = orUnavailable('GET /api/v1/alerts failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { cursor, limit, afterSeq, order, asOf, ...fields } = query.data;
  const byOpening = order === 'opened' && afterSeq === undefined;
  if (cursor !== undefined && (typeof cursor === 'object') !== byOpening) {
    return apiError(400, 'invalid_input', '输入有误，请检查标注的字段', { cursor: 'cursor 无效，请从第一页重新开始' });
  }
  // the cursor is the last row served: below it newest first, above it when catching up after a seq
  const seqCursor = typeof cursor === 'number' ? cursor : undefined;
  const paging =
    afterSeq !== undefined
      ? { afterSeq: seqCursor ?? afterSeq }
      : byOpening
        ? { order: 'opened' as const, beforeId: typeof cursor === 'object' ? cursor.beforeId : undefined }
        : { beforeSeq: seqCursor };
  const filter = { ...toAlertListFilter(fields), ...paging, limit: limit + 1 };
  const rows = asOf ? await listAlertsAsOf(sql, auth.scope, asOf, filter) : await listAlerts(sql, auth.scope, filter);
  return Response.json(toPage(rows.map((row) => row.alert), limit, (alert) => (byOpening ? openedCursorKey(alert) : alert.seq)));
});
