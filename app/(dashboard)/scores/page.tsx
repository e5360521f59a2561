import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../_server/current-user';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { now } from '../../../lib/clock';
import { sql } from '../../../lib/db/sql';
import { listRegionsInScope, locateRegion } from '../../../lib/regions/queries';
import { countScores, listScores } from '../../../lib/scoring/store/list-scores';
import { isRunningPeriod, lastCompletePeriod, periodOptionLabel, periodOptions, periodSchema } from '../../../lib/scoring/period';
import { LeagueTable } from './_components/league-table';
import { LiveRefresh } from './_components/live-refresh';

export const dynamic = 'force-dynamic';
export const metadata = { title: '考核评分 · 政务公开在线监督预警平台' };

const PAGE_SIZE = 30;
const MAX_REGIONS = 1_000;
const PERIODS_OFFERED = 12;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// 考核评分: the league table of departments (or positions) for a month, where leaders land
export default async function ScoresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'readScores')) forbidden();
  const raw = await searchParams;
  const at = now();
  // leaders land on the last complete month; the running one is a click away
  const landing = lastCompletePeriod(at);
  const options = periodOptions(at, PERIODS_OFFERED);
  const search = z
    .object({
      period: periodSchema.catch(landing),
      subject: z.enum(['department', 'position']).catch('department'),
      regionId: z.string().regex(/^\d{6}$/).optional().catch(undefined),
      page: z.coerce.number().int().min(1).max(10_000).catch(1),
    })
    .parse({ period: first(raw.period) ?? landing, subject: first(raw.subject) ?? 'department', regionId: first(raw.regionId), page: first(raw.page) ?? 1 });
  if (search.regionId) {
    const place = await locateRegion(sql, scope, search.regionId);
    if (place === 'outside') forbidden();
    if (place === 'missing') search.regionId = undefined;
  }
  const query = { period: search.period, subject: search.subject, regionCode: search.regionId };
  const [rows, total, regions] = await Promise.all([
    listScores(sql, scope, { ...query, offset: (search.page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    countScores(sql, scope, query),
    listRegionsInScope(sql, scope, { limit: MAX_REGIONS }),
  ]);
  return (
    <>
      <LiveRefresh period={search.period} />
      <LeagueTable
        rows={rows.map((r) => r.row)}
        total={total}
        pageSize={PAGE_SIZE}
        filter={{ period: search.period, subject: search.subject, regionId: search.regionId ?? null, page: search.page }}
        periods={
          options.some((o) => o.value === search.period) ? options : [{ value: search.period, label: periodOptionLabel(search.period, at) }, ...options]
        }
        isRunning={isRunningPeriod(search.period, at)}
        regions={regions}
        canEditWeights={can(scope, 'editScoreWeights')}
      />
    </>
  );
}
