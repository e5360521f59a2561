import { forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { hasRole } from '../../../../lib/auth/roles';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { addMonths, periodOf } from '../../../../lib/scoring/period';
import { getCurrentWeights } from '../../../../lib/scoring/weights-queries';
import { WeightsPanel } from '../_components/weights-panel';

export const dynamic = 'force-dynamic';
export const metadata = { title: '考核权重 · 政务公开在线监督预警平台' };

// 考核权重: an admin changes the weights, sees the ranking they would give, then saves a new version
export default async function WeightsPage() {
  const { scope } = await requireUser();
  if (!hasRole(scope, 'admin')) forbidden();
  const current = await getCurrentWeights(sql);
  // last month: a whole month of facts shows the effect better than the running one
  return <WeightsPanel current={current} period={addMonths(periodOf(now()), -1)} />;
}
