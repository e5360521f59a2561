import { z } from 'zod';
import { requireUser } from '../../../_server/current-user';
import { roleSchema } from '../../../../lib/auth/roles';
import { sql } from '../../../../lib/db/sql';
import { listRegionsInScope } from '../../../../lib/regions/queries';
import { countUsers, listUsers } from '../../../../lib/users/list-users';
import { UserAdmin } from './_components/user-admin';

export const dynamic = 'force-dynamic';
export const metadata = { title: '用户管理 · 政务公开在线监督预警平台' };

const USERS_PAGE_SIZE = 20;

const searchSchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  role: roleSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// 用户管理: create users with a role and region, reset passwords, deactivate (admin; the layout checks)
export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  const raw = await searchParams;
  const search = searchSchema.parse(Object.fromEntries(['q', 'role', 'page'].map((key) => [key, first(raw[key])])));
  const filter = { q: search.q || undefined, role: search.role };
  const [users, total, regions] = await Promise.all([
    listUsers(sql, filter, { offset: (search.page - 1) * USERS_PAGE_SIZE, limit: USERS_PAGE_SIZE }),
    countUsers(sql, filter),
    listRegionsInScope(sql, scope, { limit: 500 }),
  ]);
  return (
    <UserAdmin
      users={users}
      total={total}
      pageSize={USERS_PAGE_SIZE}
      regions={regions}
      currentUserId={scope.userId}
      filter={{ q: search.q ?? '', role: search.role ?? null, page: search.page }}
    />
  );
}
