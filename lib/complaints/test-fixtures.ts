// Fixtures for the complaint integration tests: the ingest world (a private region tree with departments,
// catalog entries and users; lib/items/test-fixtures.ts) plus a complaint_sla rule for it, handlers with
// sessions, and complaints filed at will.
import { createSession } from '../auth/sessions';
import { uniqueUsername } from '../auth/test-fixtures';
import type { Scope } from '../auth/scope';
import type { Db, Sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { invalidateRules } from '../rules/store/queries';
import { fileComplaint } from './file-complaint';
import type { IntakeInput } from './schemas';

export interface ComplaintWorld extends IngestWorld {
  ruleId: number;
  handler: { cookie: string; scope: Scope };
  farHandler: { cookie: string; scope: Scope };
  /** The province's desk: complaints filed without a region wait in its queue. */
  provinceHandler: { cookie: string; scope: Scope };
  deptScope: Scope;
}

const CREATED_AT = new Date('2026-01-01T00:00:00+08:00');

async function user(db: Db, role: 'handler' | 'dept', regionCode: string, regionPath: string, departmentId: number | null) {
  const username = uniqueUsername(role);
  const [row] = await db<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
    values (${username}, '测试处理人', 'not-a-login-account', ${role}, ${regionCode}, ${departmentId}, ${CREATED_AT}, ${CREATED_AT})
    returning id`;
  const { token } = await createSession(db, { id: row!.id });
  const scope: Scope = { userId: row!.id, username, role, regionCode, regionPath, departmentId };
  return { cookie: `dw_session=${token}`, scope };
}

export async function createComplaintWorld(sql: Sql): Promise<ComplaintWorld> {
  const world = await createIngestWorld(sql);
  return sql.begin(async (tx) => {
    const [rule] = await tx<{ id: number }[]>`
      insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
      values ('complaint_sla', '投诉办理时限（测试）', ${world.regions.province.code},
        ${tx.json({ assignWorkingDays: 1, acceptWorkingDays: 1, replyWorkingDays: 13 })}, 'yellow', ${CREATED_AT}, ${CREATED_AT})
      returning id`;
    invalidateRules();
    const { regions } = world;
    const handler = await user(tx, 'handler', regions.county.code, regions.county.path, null);
    const farHandler = await user(tx, 'handler', regions.otherCounty.code, regions.otherCounty.path, null);
    const provinceHandler = await user(tx, 'handler', regions.province.code, regions.province.path, null);
    const dept = await user(tx, 'dept', regions.county.code, regions.county.path, world.department.id);
    return { ...world, ruleId: rule!.id, handler, farHandler, provinceHandler, deptScope: dept.scope };
  });
}

export function complaintInput(world: ComplaintWorld, overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    channel: 'online',
    content: '生态环境局网站上的建设项目环评批复一直没有公开，请尽快公开。',
    phone: '13812345678',
    name: '张三',
    departmentId: world.department.id,
    ...overrides,
  };
}

/** Files an online complaint at `at`; returns its id and tracking code. */
export async function fileTestComplaint(sql: Sql, world: ComplaintWorld, at: Date, overrides: Partial<IntakeInput> = {}) {
  const result = await fileComplaint(sql, null, complaintInput(world, overrides), at);
  if (!result.ok) throw new Error(`filing failed: ${result.message}`);
  return result;
}
