// PUT /api/v1/calendar/days/:date {kind: 'holiday'|'workday'|'normal', name?} – correct one day of a loaded
// year (admin) and move the open obligations whose deadlines depend on it, pushed live, like a year load
import { requireApiUser } from '../../../../../_server/current-user';
import { calendarDayBodySchema } from '../../../../../../lib/calendar/arrangement';
import { afterCalendarYearLoaded } from '../../../../../../lib/calendar/store/load-calendar-year';
import { setCalendarDay } from '../../../../../../lib/calendar/store/set-calendar-day';
import { getCalendarYear } from '../../../../../../lib/calendar/store/year-view';
import { ymdSchema, yearOf } from '../../../../../../lib/calendar/ymd';
import { now } from '../../../../../../lib/clock';
import { sql } from '../../../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../../../lib/http/errors';
import { readJson } from '../../../../../../lib/http/read-json';
import { refusalResponse } from '../../../../../../lib/http/refusal-response';
import { isCrossSiteRequest } from '../../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ date: string }> };

export const PUT = orUnavailable('calendar day failed', async (request: Request, context: Context): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'loadCalendar');
  if (auth instanceof Response) return auth;
  const day = ymdSchema.safeParse((await context.params).date);
  if (!day.success || yearOf(day.data) < 2000 || yearOf(day.data) > 2100) {
    return apiError(400, 'invalid_input', '日期应为 2000–2100 年间的 YYYY-MM-DD', { date: '日期无效' });
  }
  const body = await readJson(request, calendarDayBodySchema, 1_000);
  if (!body.ok) return body.response;
  const result = await setCalendarDay(sql, { day: day.data, body: body.data, actor: auth.scope.username, at: now() });
  if (!result.ok) return refusalResponse(result);
  if (result.isChanged) await afterCalendarYearLoaded(sql, sharedEmitter(), result.changes);
  return Response.json({ ...(await getCalendarYear(sql, yearOf(day.data))), recomputed: result.recomputed, moved: result.moved });
});
