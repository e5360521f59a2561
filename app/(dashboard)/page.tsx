// 监督总览: the live alert wall, where supervisors and admins land (DESIGN §3 Pages). Everyone signed in may
// look at their scope's alerts; only supervisors and admins act on them. `/?asOf=<ISO date-time>` shows the
// wall as it stood at that moment (回看): no socket, no actions.
import { Suspense } from 'react';
import { asOfParam, parseAsOf } from '../../lib/alerts/as-of-param';
import { getWallSnapshotAsOf } from '../../lib/alerts/as-of';
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
import { AsOfInvalid } from './_wall/as-of-invalid';
import { RealtimePaused } from './_wall/realtime-paused';
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
  const params = await searchParams;
  const liveQuery = parseWallQuery(params);
  const rawAsOf = [params.asOf].flat()[0];
  const asOf = rawAsOf ? parseAsOf(rawAsOf, now()) : null;
  if (asOf && !asOf.ok) return <AsOfInvalid message={asOf.message} query={liveQuery} />;
  const query = asOf ? { ...liveQuery, asOf: asOfParam(asOf.at) } : liveQuery;
  const filter = wallQueryToFilter(query);
  const options = { limit: WALL_PAGE_SIZE, dailyDays: WALL_DAILY_DAYS };
  const [scopeName, snapshot] = await Promise.all([
    findRegionName(sql, scope.regionCode),
    // without a snapshot the browser loads the wall itself and shows what failed, with a retry
    (asOf ? getWallSnapshotAsOf(sql, scope, asOf.at, filter, options) : getWallSnapshot(sql, scope, filter, { ...options, at: now() })).catch(
      (error: Error) => {
        log.error({ err: error.message }, 'alert wall snapshot failed');
        return null;
      },
    ),
  ]);
  const wall = (
    <AlertWall
      // a new moment is a new wall: its state starts from that moment's snapshot
      key={query.asOf ?? 'live'}
      initialQuery={query}
      initial={snapshot}
      canAct={can(user, 'actOnAlerts') && !asOf}
      scopeName={scopeName ?? scope.regionCode}
      isDepartmentView={scope.departmentId !== null}
    />
  );
  return asOf ? <RealtimePaused>{wall}</RealtimePaused> : <RealtimeProvider>{wall}</RealtimeProvider>;
}
