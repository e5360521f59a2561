// GET /api/v1/calendar/workdays?from=YYYY-MM-DD&n=N – the Nth working day after a date (anyone)
import { z } from 'zod';
import { getCalendar } from '../../../../../lib/calendar/calendar-cache';
import { addWorkingDays } from '../../../../../lib/calendar/working-days';
import { ymdSchema } from '../../../../../lib/calendar/ymd';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../../lib/http/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const N_MESSAGE = 'n 必须是 1–365 之间的整数';

const querySchema = z.object({
  from: ymdSchema.refine((day) => day >= '1900-01-01' && day <= '2100-12-31', '日期应在 1900–2100 年之间'),
  n: z
    .string({ error: N_MESSAGE })
    .regex(/^\d{1,4}$/, N_MESSAGE)
    .transform(Number)
    .pipe(z.number().int().min(1, N_MESSAGE).max(365, N_MESSAGE)),
});

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const query = querySchema.safeParse({ from: params.get('from') ?? undefined, n: params.get('n') ?? undefined });
  if (!query.success) return badRequestFromZod(query.error);
  const calendar = await getCalendar(sql);
  return Response.json(addWorkingDays(calendar, query.data.from, query.data.n));
}
