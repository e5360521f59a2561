// 投诉处理: the handler's queue of open complaints with their SLA countdown (where handlers land, DESIGN §3
// Pages); for department users the complaints dispatched to their department; supervisors read along.
import { forbidden } from 'next/navigation';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { complaintListQuerySchema, listComplaints, listDepartmentOptions } from '../../../lib/complaints/queries';
import { sql } from '../../../lib/db/sql';
import { RealtimeProvider } from '../../_client/realtime-provider';
import { requireUser } from '../../_server/current-user';
import { ComplaintQueue } from './_components/complaint-queue';

export const dynamic = 'force-dynamic';
export const metadata = { title: '投诉处理 · 政务公开在线监督预警平台' };

const PAGE_SIZE = 20;
type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, scope } = await requireUser();
  if (!can(user, 'readComplaints')) forbidden();
  const raw = await searchParams;
  const parsed = complaintListQuerySchema.safeParse({
    state: first(raw.state),
    channel: first(raw.channel),
    departmentId: first(raw.departmentId),
    level: first(raw.level),
    q: first(raw.q),
    sort: first(raw.sort),
  });
  const filter = parsed.success ? parsed.data : complaintListQuerySchema.parse({});
  const page = Math.max(1, Math.min(10_000, Number(first(raw.page)) || 1));
  const [{ rows, total }, departments] = await Promise.all([
    listComplaints(sql, scope, filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    scope.departmentId === null ? listDepartmentOptions(sql, scope) : Promise.resolve([]),
  ]);
  return (
    <RealtimeProvider>
      <ComplaintQueue
        rows={rows}
        total={total}
        page={page}
        pageSize={PAGE_SIZE}
        filter={filter}
        departments={departments}
        canRegister={can(user, 'registerComplaints')}
        isDepartmentView={scope.departmentId !== null}
      />
    </RealtimeProvider>
  );
}
