// GET /api/v1/calendar/:year – a year's arrangement; PUT (admin) {holidays, workdays} replaces it and moves
// the open obligations whose deadlines depend on it (provisional ones become final), pushed live
import { requireApiUser } from '../../../../_server/current-user';
import { arrangementBodySchema, calendarYearSchema } from '../../../../../lib/calendar/arrangement';
import { afterCalendarYearLoaded, loadCalendarYear } from '../../../../../lib/calendar/store/load-calendar-year';
import { getCalendarYear } from '../../../../../lib/calendar/store/year-view';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { apiError, fieldsFromZod, forbidden } from '../../../../../lib/http/errors';
import { readJson } from '../../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../../lib/http/same-origin';
import { orUnavailable } from '../../../../../lib/http/unavailable';
import { sharedEmitter } from '../../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ year: string }> };

async function yearOf(context: Context): Promise<number | Response> {
  const year = calendarYearSchema.safeParse((await context.params).year);
  if (!year.success) return apiError(400, 'invalid_input', '年份应为 2000–2100 之间的整数', fieldsFromZod(year.error));
  return year.data;
}

export const GET = orUnavailable('calendar year failed', async (request: Request, context: Context): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const year = await yearOf(context);
  if (year instanceof Response) return year;
  return Response.json(await getCalendarYear(sql, year));
});

export const PUT = orUnavailable('calendar load failed', async (request: Request, context: Context): Promise<Response> => {
  if (isCrossSiteRequest(request)) return forbidden('拒绝跨站请求');
  const auth = await requireApiUser(request, 'loadCalendar');
  if (auth instanceof Response) return auth;
  const year = await yearOf(context);
  if (year instanceof Response) return year;
  const body = await readJson(request, arrangementBodySchema, 100_000);
  if (!body.ok) return body.response;
  const result = await loadCalendarYear(sql, { year, arrangement: body.data, actor: auth.scope.username, at: now() });
  if (!result.ok) return apiError(400, 'invalid_input', `日历数据有误：${Object.values(result.fields)[0]}`, result.fields);
  await afterCalendarYearLoaded(sql, sharedEmitter(), result.changes);
  return Response.json({ ...(await getCalendarYear(sql, year)), recomputed: result.recomputed, moved: result.moved });
});
