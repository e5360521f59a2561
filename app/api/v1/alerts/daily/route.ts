// GET /api/v1/alerts/daily?days=30&level=&domain=&departmentId=&from=&to=&q=&asOf= – alerts opened and resolved per
// day (Asia/Shanghai) in the user's scope among those the list's filter matches (whatever their state now),
// {data: [{day, opened, resolved, resolvedManually}], asOfSeq, next: null}; with asOf, the days up to that moment
// as they stood then (回看)
import { z } from 'zod';
import { requireApiUser } from '../../../../_server/current-user';
import { alertFilterShape, checkOpenedRange, toAlertListFilter } from '../../../../../lib/alerts/alert-filter';
import { asOfSchema } from '../../../../../lib/alerts/as-of-param';
import { getDailyAlertCountsAsOf } from '../../../../../lib/alerts/as-of';
import { getDailyAlertCounts, MAX_DAILY_DAYS } from '../../../../../lib/alerts/daily-stats';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { badRequestFromZod } from '../../../../../lib/http/errors';
import { queryObject } from '../../../../../lib/http/pagination';
import { orUnavailable } from '../../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z
  .object({
    ...alertFilterShape,
    days: z.coerce
      .number({ error: 'days 必须是整数' })
      .int('days 必须是整数')
      .min(1, `days 应在 1–${MAX_DAILY_DAYS} 之间`)
      .max(MAX_DAILY_DAYS, `days 应在 1–${MAX_DAILY_DAYS} 之间`)
      .default(30),
    asOf: asOfSchema(now),
  })
  .superRefine(checkOpenedRange);

export const GET = orUnavailable('GET /api/v1/alerts/daily failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { days: dayCount, asOf, ...fields } = query.data;
  const filter = toAlertListFilter(fields);
  const { days, asOfSeq } = asOf
    ? await getDailyAlertCountsAsOf(sql, auth.scope, asOf, { days: dayCount, filter })
    : await getDailyAlertCounts(sql, auth.scope, { days: dayCount, at: now(), filter });
  return Response.json({ data: days, asOfSeq, next: null });
});
