// 我的工作台 (部门工作台): where department staff land (issue 18) — what they must publish, fix and answer, each
// with the way to do it. Read by lib/workspace; the lists grow with "显示更多" (?overdue=30 …).
import { forbidden } from 'next/navigation';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { now } from '../../../lib/clock';
import { sql } from '../../../lib/db/sql';
import { disputeWindows } from '../../../lib/disputes/dispute-windows';
import { listDisputes } from '../../../lib/disputes/queries';
import { MAX_PAGE_SIZE } from '../../../lib/http/pagination';
import { getWorkspace } from '../../../lib/workspace/get-workspace';
import { workspaceLimitsFrom } from '../../../lib/workspace/workspace-limits';
import { requireUser } from '../../_server/current-user';
import { WorkspaceLiveRefresh } from './_components/workspace-live-refresh';
import { WorkspaceView } from './_components/workspace-view';

export const dynamic = 'force-dynamic';
export const metadata = { title: '我的工作台 · 政务公开在线监督预警平台' };

export default async function WorkspacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, scope } = await requireUser();
  if (!can(user, 'publishItems')) forbidden();
  const limits = workspaceLimitsFrom(await searchParams);
  const at = now();
  const workspace = await getWorkspace(sql, scope, limits, at);
  if (workspace === 'no_department') forbidden();
  const [pending, windows] = await Promise.all([
    listDisputes(sql, scope, { state: 'pending' }, { limit: MAX_PAGE_SIZE }),
    disputeWindows(sql, workspace.alerts.rows.map(({ alert }) => ({ id: alert.id, from: alert.openedAt })), at),
  ]);
  return (
    <>
      <WorkspaceLiveRefresh />
      <WorkspaceView
        workspace={workspace}
        limits={limits}
        disputedAlertIds={pending.flatMap((d) => (d.alertId === null ? [] : [d.alertId]))}
        disputeWindows={windows}
      />
    </>
  );
}
