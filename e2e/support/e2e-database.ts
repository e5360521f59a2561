// The e2e server's throwaway database (written by e2e/serve.ts), for specs that need a fact the UI does not
// show in one step, e.g. a catalog code of the demo department.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { hashPassword } from '../../lib/auth/password';
import { DEMO_PASSWORD } from './sign-in';

export function e2eServerInfo(): { DATABASE_URL: string; REDIS_PREFIX: string } {
  return JSON.parse(readFileSync(path.join(tmpdir(), `dw-e2e-${process.env.E2E_PORT ?? 3199}.json`), 'utf8'));
}

/** A catalog code the demo `dept` user's department publishes under, with a 20-working-day limit. */
export async function catalogCodeOfDemoDepartment(): Promise<{ code: string; orgCode: string; departmentName: string }> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ code: string; orgCode: string; departmentName: string }[]>`
      select c.code, d.org_code as "orgCode", d.name as "departmentName"
      from users u join departments d on d.id = u.department_id join catalog_entries c on c.department_id = d.id
      where u.username = 'dept' and c.is_current and c.time_limit->>'kind' = 'working_days_after'
      order by c.code limit 1`;
    if (!row) throw new Error('the demo department has no event-triggered catalog entry');
    return row;
  } finally {
    await sql.end();
  }
}

export interface TestUser {
  username: string;
  role: string;
  regionCode: string;
  departmentId: number | null;
  displayName: string;
}

/** Accounts of a spec's own (password DEMO_PASSWORD), so it depends on no other spec's use of the demo users. */
export async function createTestUsers(sql: postgres.Sql, users: readonly TestUser[]): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of users) {
    await sql`
      insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
      values (${user.username}, ${user.displayName}, ${hash}, ${user.role}, ${user.regionCode}, ${user.departmentId}, ${new Date()}, ${new Date()})
      on conflict (username) do nothing`;
  }
}
