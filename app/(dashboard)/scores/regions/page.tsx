import { forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { lastCompletePeriod, periodOptions, periodSchema } from '../../../../lib/scoring/period';
import { listOverdueHeatmap, listRegionRollups } from '../../../../lib/scoring/store/region-rollup';
import { RegionRollupView } from '../_components/region-rollup-view';

export const dynamic = 'force-dynamic';
export const metadata = { title: '区域汇总 · 政务公开在线监督预警平台' };

const HEATMAP_DEPARTMENTS = 20;

// 区域汇总: the month's scores rolled up province → city → county, and where obligations ran overdue
export default async function RegionScoresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'readScores')) forbidden();
  const raw = (await searchParams).period;
  const at = now();
  // the last complete month, like the league table; the running one is offered in the picker
  const landing = lastCompletePeriod(at);
  const period = periodSchema.catch(landing).parse(Array.isArray(raw) ? raw[0] : (raw ?? landing));
  const [rollups, heatmap] = await Promise.all([
    listRegionRollups(sql, scope, period),
    listOverdueHeatmap(sql, scope, { period, at, departments: HEATMAP_DEPARTMENTS }),
  ]);
  return <RegionRollupView period={period} periods={periodOptions(at, 12)} rollups={rollups} heatmap={heatmap} />;
}
