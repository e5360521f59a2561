import { requireUser } from '../../_server/current-user';
import { now } from '../../../lib/clock';
import { sql } from '../../../lib/db/sql';
import { countOverdueByDomain } from '../../../lib/obligations/queries';
import { findRegionName, listRegionCounts } from '../../../lib/regions/queries';
import { buildRegionTree } from '../../../lib/regions/region-tree';
import { RegionOverview } from './_components/region-overview';

export const dynamic = 'force-dynamic';
export const metadata = { title: '区域概览 · 政务公开在线监督预警平台' };

export default async function RegionsPage() {
  const { scope } = await requireUser();
  const at = now();
  const [rows, scopeName, overdueByDomain] = await Promise.all([
    listRegionCounts(sql, scope, at),
    findRegionName(sql, scope.regionCode),
    countOverdueByDomain(sql, scope, {}, at),
  ]);
  return (
    <RegionOverview
      tree={buildRegionTree(rows)}
      scopeName={scopeName ?? scope.regionCode}
      isDepartmentView={scope.departmentId !== null}
      overdueByDomain={overdueByDomain}
    />
  );
}
