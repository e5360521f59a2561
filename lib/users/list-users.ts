// The admin's user list: who can sign in, with what role, where; searchable by username or name.
import type { Db } from '../db/sql';
import type { Role } from '../auth/roles';

export interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  departmentId: number | null;
  departmentName: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface UserFilter {
  q?: string;
  role?: Role;
}

function conditions(db: Db, filter: UserFilter) {
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db`
    ${like ? db`and (u.username ilike ${like} or u.display_name ilike ${like})` : db``}
    ${filter.role ? db`and u.role = ${filter.role}` : db``}`;
}

export async function listUsers(db: Db, filter: UserFilter, page: { offset: number; limit: number }): Promise<UserListRow[]> {
  const rows = await db<
    { id: number; username: string; display_name: string; role: Role; region_code: string; region_name: string; department_id: number | null; department_name: string | null; is_active: boolean; created_at: Date }[]
  >`
    select u.id, u.username, u.display_name, u.role, u.region_code, r.name as region_name, u.department_id,
      d.name as department_name, u.is_active, u.created_at
    from users u join regions r on r.code = u.region_code left join departments d on d.id = u.department_id
    where true ${conditions(db, filter)}
    order by u.is_active desc, u.username
    offset ${page.offset} limit ${page.limit}`;
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    regionName: row.region_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    isActive: row.is_active,
    createdAt: row.created_at.toISOString(),
  }));
}

export async function countUsers(db: Db, filter: UserFilter): Promise<number> {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from users u where true ${conditions(db, filter)}`;
  return row?.n ?? 0;
}
