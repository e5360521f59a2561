// GET /api/v1/audit?entity=&entityId=&actor=&from=&to=&cursor=&limit= – the audit trail, newest first (admin)
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { auditEntitySchema, listAudit } from '../../../../lib/audit/list-audit';
import { startOfShanghaiDay, isYmd } from '../../../../lib/calendar/ymd';
import { sql } from '../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject, toPage } from '../../../../lib/http/pagination';
import { orUnavailable } from '../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// a bare YYYY-MM-DD is that day in Asia/Shanghai (DESIGN §3); otherwise an ISO instant with offset
const instantSchema = (label: string) =>
  z
    .string()
    .trim()
    .transform((raw, context) => {
      const at = isYmd(raw) ? startOfShanghaiDay(raw) : new Date(raw);
      if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) {
        context.addIssue({ code: 'custom', message: `${label}应为 YYYY-MM-DD 或带时区的 ISO 8601 时间` });
        return z.NEVER;
      }
      return at;
    })
    .optional();

const querySchema = z.object({
  entity: auditEntitySchema.optional(),
  entityId: z.string().trim().min(1).max(100, '对象编号不超过 100 字').optional(),
  actor: z.string().trim().min(1).max(64, '操作人不超过 64 字').optional(),
  from: instantSchema('开始时间'),
  to: instantSchema('结束时间'),
  cursor: cursorSchema(z.number().int().positive()),
  limit: limitSchema,
});

export const GET = orUnavailable('audit list failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request, 'readAudit');
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { cursor, limit, ...filter } = query.data;
  const rows = await listAudit(sql, filter, { afterId: cursor, limit: limit + 1 });
  const page = toPage(rows, limit, (row) => row.id);
  return Response.json({ data: page.data, next: page.next });
});
