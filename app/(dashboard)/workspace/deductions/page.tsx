// 扣分与申诉: a department's deductions of the last twelve months (投诉属实), each with its 申诉 button, and the
// disputes it has filed with the office's decisions.
import { forbidden } from 'next/navigation';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { disputeWindows } from '../../../../lib/disputes/dispute-windows';
import { disputeActorNames, listDepartmentDeductions, listDisputes } from '../../../../lib/disputes/queries';
import { MAX_PAGE_SIZE } from '../../../../lib/http/pagination';
import { addMonths, periodOf, periodRange } from '../../../../lib/scoring/period';
import { getCurrentWeights } from '../../../../lib/scoring/store/weights-queries';
import { requireUser } from '../../../_server/current-user';
import { DeductionsView } from './_components/deductions-view';

export const dynamic = 'force-dynamic';
export const metadata = { title: '扣分与申诉 · 政务公开在线监督预警平台' };

export default async function DeductionsPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'fileDisputes') || scope.departmentId === null) forbidden();
  const at = now();
  const since = periodRange(addMonths(periodOf(at), -11)).start;
  const [deductions, disputes, { weights }] = await Promise.all([
    listDepartmentDeductions(sql, scope.departmentId, since),
    listDisputes(sql, scope, {}, { limit: MAX_PAGE_SIZE }),
    getCurrentWeights(sql),
  ]);
  return (
    <DeductionsView
      deductions={deductions}
      disputes={disputes}
      names={await disputeActorNames(sql, disputes)}
      windows={await disputeWindows(sql, deductions.map((d) => ({ id: d.violationId, from: d.foundAt })), at)}
      penalty={weights.substantiatedPenalty}
      disputeWorkingDays={weights.disputeWorkingDays}
    />
  );
}
