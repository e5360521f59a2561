// GET /api/v1/items/:id/timeline – 完整还原: an item's events, obligation changes and alerts, oldest first
import { z } from 'zod';
import { requireRecordRequest, type RecordContext } from '../../../../../_server/record-request';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { badRequestFromZod, forbidden, notFound } from '../../../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject } from '../../../../../../lib/http/pagination';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { getItemTimeline, timelineKeySchema } from '../../../../../../lib/items/timeline';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({ cursor: cursorSchema(timelineKeySchema), limit: limitSchema });

// the same opaque form as encodeCursor, for a tuple key
const encodeKey = (key: readonly number[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

export const GET = orUnavailable('timeline failed', async (request: Request, context: RecordContext): Promise<Response> => {
  const accepted = await requireRecordRequest(request, context, { missing: '公开信息不存在' });
  if (accepted instanceof Response) return accepted;
  const { auth, id } = accepted;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const result = await getItemTimeline(sql, auth.scope, id, {
    ...(query.data.cursor ? { after: query.data.cursor } : {}),
    limit: query.data.limit,
    at: now(),
  });
  if (result.kind === 'missing') return notFound('公开信息不存在');
  if (result.kind === 'outside') return forbidden('该信息不在您的管辖范围内');
  return Response.json({ data: result.data, next: result.next ? encodeKey(result.next) : null });
});
