import { z } from 'zod';
import { requireUser } from '../../_server/current-user';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { getCalendarYear } from '../../../lib/calendar/store/year-view';
import { shanghaiDayOf, yearOf } from '../../../lib/calendar/ymd';
import { now } from '../../../lib/clock';
import { sql } from '../../../lib/db/sql';
import { CalendarYear } from './_components/calendar-year';

export const dynamic = 'force-dynamic';
export const metadata = { title: '工作日历 · 政务公开在线监督预警平台' };

type SearchParams = Record<string, string | string[] | undefined>;

// 工作日历: a year of working days, holidays and 调休; the admin loads next year's arrangement here
export default async function CalendarPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  const thisYear = yearOf(shanghaiDayOf(now()));
  const raw = (await searchParams).year;
  const year = z.coerce.number().int().min(2000).max(2100).catch(thisYear).parse(Array.isArray(raw) ? raw[0] : (raw ?? thisYear));
  const view = await getCalendarYear(sql, year);
  return <CalendarYear view={view} today={shanghaiDayOf(now())} canLoad={can(scope, 'loadCalendar')} />;
}
