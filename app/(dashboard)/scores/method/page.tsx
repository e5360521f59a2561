import { forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../lib/db/sql';
import { getCurrentWeights } from '../../../../lib/scoring/store/weights-queries';
import { ScoringMethod } from '../_components/scoring-method';

export const dynamic = 'force-dynamic';
export const metadata = { title: '计分说明 · 政务公开在线监督预警平台' };

// 计分说明: how a month's score is made, with the weights in force (a page, so leaders can read and link it)
export default async function ScoringMethodPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'readScores')) forbidden();
  const { version, weights } = await getCurrentWeights(sql);
  return <ScoringMethod version={version} weights={weights} />;
}
