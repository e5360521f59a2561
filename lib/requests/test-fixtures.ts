// Fixtures for the request integration tests: the ingest world (a private region tree with departments and
// users; lib/items/test-fixtures.ts) plus the county's government office (which receives applications whose
// agency the applicant did not know), the three request rules for the test province, and a valid body.
import { createDepartment } from '../auth/test-fixtures';
import type { Sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { invalidateRules } from '../rules/store/queries';

export interface RequestWorld extends IngestWorld {
  governmentOfficeId: number;
  ruleIds: { reply: number; confirm: number; correction: number };
}

const CREATED_AT = new Date('2026-01-01T00:00:00+08:00');

export async function createRequestWorld(sql: Sql): Promise<RequestWorld> {
  const world = await createIngestWorld(sql);
  return sql.begin(async (tx) => {
    const governmentOfficeId = await createDepartment(tx, world.regions.county.code, '测试县人民政府办公室');
    const rule = async (kind: string, params: Record<string, number>) => {
      const [row] = await tx<{ id: number }[]>`
        insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
        values (${kind}, ${`${kind}（测试）`}, ${world.regions.province.code}, ${tx.json(params)}, 'yellow', ${CREATED_AT}, ${CREATED_AT})
        returning id`;
      return row!.id;
    };
    const ruleIds = {
      reply: await rule('request_reply', { warnWorkingDays: 3, severeWorkingDays: 10 }),
      confirm: await rule('request_confirm', { confirmWorkingDays: 1, warnWorkingDays: 1, severeWorkingDays: 3 }),
      correction: await rule('request_correction', { periodWorkingDays: 15, severeWorkingDays: 5 }),
    };
    invalidateRules();
    return { ...world, governmentOfficeId, ruleIds };
  });
}

/** A valid online application to the world's department (a person with a resident ID). */
export function requestBody(world: RequestWorld, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'online',
    applicant: { type: 'person', name: '李四', idType: 'resident_id', idNo: '11010519491231002X', phone: '13812345678', address: '测试县人民路 1 号' },
    regionId: world.regions.county.code,
    departmentId: world.department.id,
    description: '2026 年度本县建设项目环境影响评价批复文件目录及全文',
    purpose: '了解周边建设项目情况',
    format: 'electronic',
    delivery: 'email',
    ...overrides,
  };
}
