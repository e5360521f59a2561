// Fixtures for the alert API's integration tests: the ingest world (a private region tree, departments,
// users with sessions; lib/items/test-fixtures.ts) plus a rule, positions, and alerts opened at will —
// counts in these tests are exact because nothing else lives in the private regions.
import { randomInt } from 'node:crypto';
import type { Sql } from '../db/sql';
import type { IngestDepartment } from '../items/ingest-item';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import type { AlertLevel } from '../rules/rule';
import type { Domain } from './labels';
import { clearAlert, raiseAlert } from './apply-findings';

export interface AlertWorld extends IngestWorld {
  ruleId: number;
  /** Positions of `department`, and one of `otherDepartment`. */
  positions: { reviewer: number; publisher: number; other: number };
}

export async function createAlertWorld(sql: Sql): Promise<AlertWorld> {
  const world = await createIngestWorld(sql);
  const at = new Date('2026-01-01T00:00:00+08:00');
  const [rule] = await sql<{ id: number }[]>`
    insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
    values ('completeness', '完整性（测试）', ${world.regions.province.code}, '{}', 'orange', ${at}, ${at})
    returning id`;
  const position = async (departmentId: number, code: string, name: string) => {
    const [row] = await sql<{ id: number }[]>`
      insert into positions (department_id, code, name) values (${departmentId}, ${code}, ${name}) returning id`;
    return row!.id;
  };
  return {
    ...world,
    ruleId: rule!.id,
    positions: {
      reviewer: await position(world.department.id, 'review', '信息审核岗'),
      publisher: await position(world.department.id, 'publish', '信息发布岗'),
      other: await position(world.otherDepartment.id, 'review', '财政信息审核岗'),
    },
  };
}

export interface TestAlertInput {
  department?: IngestDepartment;
  level?: AlertLevel;
  domain?: Domain | null;
  at?: Date;
  message?: string;
}

/** Opens an alert on a fresh subject, as the check job would; returns its id. */
export async function openTestAlert(sql: Sql, world: AlertWorld, input: TestAlertInput = {}): Promise<number> {
  const department = input.department ?? world.department;
  const change = await sql.begin((tx) =>
    raiseAlert(
      tx,
      {
        ruleKind: 'completeness',
        subjectType: 'item',
        subjectId: randomInt(1, 2 ** 47),
        ruleId: world.ruleId,
        level: input.level ?? 'orange',
        subjectVersion: 1,
        departmentId: department.id,
        regionCode: department.regionCode,
        domain: input.domain === undefined ? 'environment' : input.domain,
        message: input.message ?? '要素不全：缺少索引号',
      },
      input.at ?? new Date(),
    ),
  );
  if (!change) throw new Error('no alert opened');
  return change.alertId;
}

/** Resolves an alert automatically (its condition cleared) at `at`. */
export async function clearTestAlert(sql: Sql, alertId: number, at: Date): Promise<void> {
  const [alert] = await sql<{ subject_id: number }[]>`select subject_id from alerts where id = ${alertId}`;
  await sql.begin((tx) => clearAlert(tx, { ruleKind: 'completeness', subjectType: 'item', subjectId: alert!.subject_id }, at, '已补全'));
}
