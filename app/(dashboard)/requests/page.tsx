// 依申请公开: the queue of requests for information in the user's scope, with the countdown of the office's next
// step; disclosure offices see their region's, a department (the agency applied to) its own.
import { forbidden } from 'next/navigation';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { listDepartmentOptions } from '../../../lib/complaints/queries';
import { sql } from '../../../lib/db/sql';
import { listRequests } from '../../../lib/requests/queries';
import { listQuerySchema } from '../../../lib/requests/schemas';
import { RealtimeProvider } from '../../_client/realtime-provider';
import { requireUser } from '../../_server/current-user';
import { requestQueueFilterSchema } from './_components/queue-filter';
import { RequestQueue } from './_components/request-queue';

export const dynamic = 'force-dynamic';
export const metadata = { title: '依申请公开 · 政务公开在线监督预警平台' };

const PAGE_SIZE = 20;
type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, scope } = await requireUser();
  if (!can(user, 'readRequests')) forbidden();
  const raw = await searchParams;
  const filter = requestQueueFilterSchema.parse({
    state: first(raw.state),
    departmentId: first(raw.departmentId),
    level: first(raw.level),
    channel: first(raw.channel),
    sort: first(raw.sort),
  });
  // keyset pages: `cursor` opens this page, `trail` holds the cursors of the pages before it (FIRST_PAGE for the first)
  const cursor = first(raw.cursor) || undefined;
  const trail = first(raw.trail)?.split('~').slice(0, 200) ?? [];
  const query = listQuerySchema.safeParse({
    ...(filter.state === 'all' ? {} : { state: filter.state }),
    ...(filter.departmentId ? { departmentId: String(filter.departmentId) } : {}),
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    sort: filter.sort,
    limit: String(PAGE_SIZE),
    ...(cursor ? { cursor } : {}),
  });
  // a tampered cursor starts again from the first page
  const fallback = listQuerySchema.parse({ sort: filter.sort, limit: String(PAGE_SIZE), ...(filter.state === 'all' ? {} : { state: filter.state }) });
  const [page, departments] = await Promise.all([
    listRequests(sql, scope, query.success ? query.data : fallback),
    listDepartmentOptions(sql, scope),
  ]);
  return (
    <RealtimeProvider>
      <RequestQueue
        rows={page.data}
        next={page.next}
        cursor={query.success ? (cursor ?? null) : null}
        trail={query.success ? trail : []}
        pageSize={PAGE_SIZE}
        filter={filter}
        departments={departments}
        canRegister={can(user, 'registerRequests')}
        isDepartmentView={scope.departmentId !== null}
      />
    </RealtimeProvider>
  );
}
