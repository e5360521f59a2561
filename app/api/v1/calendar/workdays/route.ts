// GET /api/v1/calendar/workdays?from=YYYY-MM-DD&n=N – the Nth working day after a date (anyone)
import { getCalendar } from '../../../../../lib/calendar/store/calendar-cache';
import { addWorkingDays } from '../../../../../lib/calendar/working-days';
import { parseWorkdaysQuery } from '../../../../../lib/calendar/workdays-query';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../../lib/http/errors';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/calendar/workdays failed', async (request: Request): Promise<Response> => {
  const query = parseWorkdaysQuery(new URL(request.url));
  if (!query.success) return badRequestFromZod(query.error);
  const calendar = await getCalendar(sql);
  const { due, provisional } = addWorkingDays(calendar, query.data.from, query.data.n);
  return Response.json({ due, provisional });
});
