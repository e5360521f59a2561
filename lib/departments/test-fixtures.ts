// Fixtures for the page-read integration tests (item detail, department, obligations, catalog entry): the
// ingest world (lib/items/test-fixtures.ts) with three items of DESIGN §1's worked example — formed
// 2026-11-02, due 2026-11-30 24:00, yellow from 11-26, orange from 12-01, red from 12-15 — one never
// published, one published late, one on time but incomplete and off one channel; a completeness rule of the
// world's province and an open completeness alert on the incomplete item.
import { randomBytes } from 'node:crypto';
import { raiseAlert } from '../alerts/apply-findings';
import { scopeOf, type Scope } from '../auth/scope';
import type { Sql } from '../db/sql';
import { ingestItem } from '../items/ingest-item';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { invalidateRules } from '../rules/store/queries';

export interface PageWorld extends IngestWorld {
  items: { unpublished: number; late: number; incomplete: number };
  completenessAlertId: number;
  scopes: { supervisor: Scope; farSupervisor: Scope; province: Scope; dept: Scope; otherDept: Scope };
}

export const AT = {
  /** Before the warn window; the due day is within 5 working days. */
  beforeWarn: new Date('2026-11-25T12:00:00+08:00'),
  inWarn: new Date('2026-11-26T10:00:00+08:00'),
  overdue: new Date('2026-12-03T09:00:00+08:00'),
  severe: new Date('2026-12-15T00:00:00+08:00'),
} as const;

const scope = (input: { role: 'supervisor' | 'dept'; region: { code: string; path: string }; departmentId?: number }) =>
  scopeOf({
    id: 1,
    username: 'page-test',
    role: input.role,
    regionCode: input.region.code,
    regionPath: input.region.path,
    departmentId: input.departmentId ?? null,
  });

export async function createPageWorld(sql: Sql): Promise<PageWorld> {
  const world = await createIngestWorld(sql);
  const ingest = async (body: Record<string, unknown>, receivedAt: string) => {
    const result = await ingestItem(sql, {
      department: world.department,
      payload: {
        externalId: `page-${randomBytes(4).toString('hex')}`,
        catalogCode: world.entries.workingDays.code,
        formedAt: '2026-11-02T10:00:00+08:00',
        ...body,
      },
      receivedAt: new Date(receivedAt),
      actor: 'page-test',
    });
    if (!result.ok) throw new Error(result.message);
    return result.id;
  };
  const unpublished = await ingest({ title: '尚未公开的环评批复', channels: [] }, '2026-11-02T11:00:00+08:00');
  const late = await ingest(
    { title: '逾期公开的环评批复', channels: ['website', 'open_platform'], body: '正文', indexNo: `${world.department.orgCode}/2026-00001`, publishedAt: '2026-12-02T10:00:00+08:00' },
    '2026-12-02T10:01:00+08:00',
  );
  const incomplete = await ingest(
    { title: '按时公开但索引号有误', channels: ['website'], body: '正文', indexNo: 'bad', publishedAt: '2026-11-03T10:00:00+08:00' },
    '2026-11-03T10:01:00+08:00',
  );

  const [rule] = await sql<{ id: number }[]>`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('completeness', '完整性（测试）', ${world.regions.province.code}, '{}', 'orange', ${new Date()}, ${new Date()})
    returning id`;
  invalidateRules();
  await sql.begin((tx) =>
    raiseAlert(
      tx,
      {
        ruleKind: 'completeness',
        subjectType: 'item',
        subjectId: incomplete,
        ruleId: rule!.id,
        level: 'orange',
        subjectVersion: 1,
        itemId: incomplete,
        departmentId: world.department.id,
        regionCode: world.regions.county.code,
        domain: 'environment',
        message: '信息不完整：索引号格式有误',
      },
      new Date('2026-11-03T10:05:00+08:00'),
    ),
  );
  const [alert] = await sql<{ id: number }[]>`select id from alerts where item_id = ${incomplete}`;

  return {
    ...world,
    items: { unpublished, late, incomplete },
    completenessAlertId: alert!.id,
    scopes: {
      supervisor: scope({ role: 'supervisor', region: world.regions.county }),
      farSupervisor: scope({ role: 'supervisor', region: world.regions.otherCounty }),
      province: scope({ role: 'supervisor', region: world.regions.province }),
      dept: scope({ role: 'dept', region: world.regions.county, departmentId: world.department.id }),
      otherDept: scope({ role: 'dept', region: world.regions.county, departmentId: world.otherDepartment.id }),
    },
  };
}
