// 申诉处理: the disclosure office's list of the departments' disputes in its scope — pending first, with 申诉成立 /
// 驳回 (a reason required) — and the latest decided ones.
import { forbidden } from 'next/navigation';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../lib/db/sql';
import { disputeActorNames, listDisputes } from '../../../lib/disputes/queries';
import { MAX_PAGE_SIZE } from '../../../lib/http/pagination';
import { requireUser } from '../../_server/current-user';
import { DisputeDesk } from './_components/dispute-desk';

export const dynamic = 'force-dynamic';
export const metadata = { title: '申诉处理 · 政务公开在线监督预警平台' };

const DECIDED_SHOWN = 50;

export default async function DisputesPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'decideDisputes')) forbidden();
  const [pending, accepted, rejected] = await Promise.all([
    listDisputes(sql, scope, { state: 'pending' }, { limit: MAX_PAGE_SIZE }),
    listDisputes(sql, scope, { state: 'accepted' }, { limit: DECIDED_SHOWN }),
    listDisputes(sql, scope, { state: 'rejected' }, { limit: DECIDED_SHOWN }),
  ]);
  const decided = [...accepted, ...rejected].sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '')).slice(0, DECIDED_SHOWN);
  // oldest first: the one waiting longest is handled first
  const waiting = [...pending].reverse();
  return <DisputeDesk pending={waiting} decided={decided} names={await disputeActorNames(sql, [...waiting, ...decided])} />;
}
