// Demo users (DESIGN §3 "Demo data"), all with the password 'demo-password'. Demo data only: a real
// deployment creates its own users.
import { hashPassword } from '../lib/auth/password';
import type { Role } from '../lib/auth/roles';
import type { Db } from '../lib/db/sql';
import { PILOT_UNITS, PROVINCE } from './geography';

export const DEMO_PASSWORD = 'demo-password';

export interface DemoUserSeed {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** Department code, for role 'dept' only. */
  departmentCode: string | null;
}

/** 建邺区's 生态环境局: the department of the demo department user `dept`. */
export const DEMO_DEPT_USER_DEPARTMENT = '320105-ecology';

export function demoUsers(): DemoUserSeed[] {
  const province = (username: string, role: Role, displayName: string): DemoUserSeed => ({
    username,
    displayName,
    role,
    regionCode: PROVINCE.code,
    departmentCode: null,
  });
  return [
    province('admin', 'admin', '省政务公开办管理员'),
    province('supervisor', 'supervisor', '省政务公开办督查员'),
    province('leader', 'leader', '省政务公开办分管领导'),
    province('handler', 'handler', '省政务公开投诉处理员'),
    ...PILOT_UNITS.map(
      (unit): DemoUserSeed => ({
        username: `sup-${unit.code}`,
        displayName: `${unit.shortName}政务公开办督查员`,
        role: 'supervisor',
        regionCode: unit.code,
        departmentCode: null,
      }),
    ),
    {
      username: 'dept',
      displayName: '建邺生态环境局政务公开联络员',
      role: 'dept',
      regionCode: '320105',
      departmentCode: DEMO_DEPT_USER_DEPARTMENT,
    },
  ];
}

/** Inserts the demo users that do not exist yet; argon2 runs once, and not at all when none is missing. */
export async function seedUsers(sql: Db, departmentIds: ReadonlyMap<string, number>, at: Date): Promise<number> {
  const users = demoUsers();
  const existing = new Set(
    (await sql<{ username: string }[]>`select username from users where username in ${sql(users.map((u) => u.username))}`).map(
      (r) => r.username,
    ),
  );
  const missing = users.filter((u) => !existing.has(u.username));
  if (missing.length === 0) return 0;
  // argon2 is slow on purpose: one hash serves every demo user
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = missing.map((u) => {
    const departmentId = u.departmentCode === null ? null : departmentIds.get(u.departmentCode);
    if (departmentId === undefined) throw new Error(`demo user ${u.username}: department ${u.departmentCode} is missing`);
    return {
      username: u.username,
      display_name: u.displayName,
      password_hash: passwordHash,
      role: u.role,
      region_code: u.regionCode,
      department_id: departmentId,
      is_active: true,
      created_at: at,
      updated_at: at,
    };
  });
  const inserted = await sql`
    insert into users ${sql(rows)}
    on conflict (username) do nothing
    returning id`;
  return inserted.length;
}
