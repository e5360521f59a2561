import { forbidden, notFound } from 'next/navigation';
import { requireUser } from '../../../../_server/current-user';
import { can } from '../../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../../lib/clock';
import { sql } from '../../../../../lib/db/sql';
import { disputeActorNames, listDisputesOfDepartmentMonth } from '../../../../../lib/disputes/queries';
import { findDepartmentScore } from '../../../../../lib/scoring/store/list-scores';
import { lastCompletePeriod, periodSchema } from '../../../../../lib/scoring/period';
import { parseRouteId } from '../../../_components/route-id';
import { DepartmentScoreView } from '../../_components/department-score-view';
import { LiveRefresh } from '../../_components/live-refresh';

export const dynamic = 'force-dynamic';
export const metadata = { title: '部门考核详情 · 政务公开在线监督预警平台' };

// 部门考核详情: one department's month — each indicator and the fact behind every point lost
export default async function DepartmentScorePage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope } = await requireUser();
  if (!can(scope, 'readScores')) forbidden();
  const id = parseRouteId((await props.params).id);
  if (id === null) notFound();
  const raw = (await props.searchParams).period;
  const landing = lastCompletePeriod(now());
  const period = periodSchema.catch(landing).parse(Array.isArray(raw) ? raw[0] : (raw ?? landing));
  const detail = await findDepartmentScore(sql, scope, id, period);
  if (detail === 'outside') forbidden();
  if (detail === 'missing') notFound();
  const disputes = await listDisputesOfDepartmentMonth(sql, id, period);
  return (
    <>
      <LiveRefresh period={period} />
      <DepartmentScoreView detail={detail} disputes={disputes} names={await disputeActorNames(sql, disputes)} />
    </>
  );
}
