import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { isCalendarYearLoaded } from '../../lib/calendar/store/year-view';
import { shanghaiDayOf, yearOf } from '../../lib/calendar/ymd';
import { now } from '../../lib/clock';
import { sql } from '../../lib/db/sql';
import { findRegionName } from '../../lib/regions/queries';
import { requireUser } from '../_server/current-user';
import { can } from '../../lib/auth/permissions/role-permissions';
import { AppShell } from './_components/app-shell';
import { CalendarBanner } from './_components/calendar-banner';
import { CALENDAR_BANNER_COOKIE } from './_components/calendar-banner-cookie';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, scope } = await requireUser();
  const comingYear = yearOf(shanghaiDayOf(now())) + 1;
  const [regionName, isComingYearLoaded, cookieStore] = await Promise.all([
    findRegionName(sql, scope.regionCode).then((name) => name ?? scope.regionCode),
    isCalendarYearLoaded(sql, comingYear),
    cookies(),
  ]);
  const isBannerClosed = cookieStore.get(CALENDAR_BANNER_COOKIE)?.value === String(comingYear);
  return (
    <AppShell user={{ displayName: user.displayName, role: scope.role, regionName }}>
      {!isComingYearLoaded && !isBannerClosed && <CalendarBanner year={comingYear} isAdmin={can(scope, 'loadCalendar')} />}
      {children}
    </AppShell>
  );
}
