// 监督总览: the live alert wall, where supervisors and admins land (DESIGN §3 Pages). Everyone signed in may
// look at their scope's alerts; only supervisors and admins act on them.
import { Suspense } from 'react';
import { getWallSnapshot } from '../../lib/alerts/get-wall-snapshot';
import { parseWallQuery, WALL_DAILY_DAYS, WALL_PAGE_SIZE, wallQueryToFilter } from '../../lib/alerts/wall-query';
import { can } from '../../lib/auth/permissions/role-permissions';
import { now } from '../../lib/clock';
import { sql } from '../../lib/db/sql';
import { log } from '../../lib/log';
import { findRegionName } from '../../lib/regions/queries';
import { RealtimeProvider } from '../_client/realtime-provider';
import { requireUser } from '../_server/current-user';
import { AlertWall } from './_wall/alert-wall';
import { WallSkeleton } from './_wall/wall-skeleton';

export const dynamic = 'force-dynamic';
export const metadata = { title: '监督总览 · 政务公开在线监督预警平台' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function WallPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <Suspense fallback={<WallSkeleton />}>
      <Wall searchParams={searchParams} />
    </Suspense>
  );
}

async function Wall({ searchParams }: { searchParams: SearchParams }) {
  const { user, scope } = await requireUser();
  const query = parseWallQuery(await searchParams);
  const [scopeName, snapshot] = await Promise.all([
    findRegionName(sql, scope.regionCode),
    // without a snapshot the browser loads the wall itself and shows what failed, with a retry
    getWallSnapshot(sql, scope, wallQueryToFilter(query), { limit: WALL_PAGE_SIZE, dailyDays: WALL_DAILY_DAYS, at: now() }).catch((error: Error) => {
      log.error({ err: error.message }, 'alert wall snapshot failed');
      return null;
    }),
  ]);
  return (
    <RealtimeProvider>
      <AlertWall
        initialQuery={query}
        initial={snapshot}
        canAct={can(user, 'actOnAlerts')}
        scopeName={scopeName ?? scope.regionCode}
        isDepartmentView={scope.departmentId !== null}
      />
    </RealtimeProvider>
  );
}
