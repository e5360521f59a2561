import { forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { addMonths, periodOf } from '../../../../lib/scoring/period';
import { getCurrentWeights } from '../../../../lib/scoring/store/weights-queries';
import { WeightsPanel } from '../_components/weights-panel';

export const dynamic = 'force-dynamic';
export const metadata = { title: '考核权重 · 政务公开在线监督预警平台' };

// 考核权重: an admin changes the weights, sees the ranking they would give, then saves a new version
export default async function WeightsPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'editScoreWeights')) forbidden();
  const current = await getCurrentWeights(sql);
  // last month: a whole month of facts shows the effect better than the running one
  return <WeightsPanel current={current} period={addMonths(periodOf(now()), -1)} />;
}
