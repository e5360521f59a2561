// The data the chaos suite runs on, made with the product's own code paths: the engine fixture's small world
// (two counties, one department each with a 20-working-day catalog entry, the default rules, the calendar),
// an ingest API key per department (lib/auth/api-keys.ts), and a province supervisor who signs in through
// POST /api/v1/session like a browser.
import { createApiKey } from '../../auth/api-keys';
import type { Sql } from '../../db/sql';
import { createManagedUser } from '../../users/manage-users';
import { createEngineFixture, ENTRY_CHANNELS, ENTRY_REQUIRED_ELEMENTS } from '../engine-fixture';

export interface ChaosDepartment {
  id: number;
  name: string;
  orgCode: string;
  apiKey: string;
  entry: { code: string; name: string; requiredElements: string[]; channels: string[] };
}

export interface ChaosWorld {
  departments: ChaosDepartment[];
  supervisor: { username: string; password: string };
}

const SUPERVISOR = { username: 'chaos-supervisor', password: 'chaos-supervisor-password' };

export async function createChaosWorld(sql: Sql): Promise<ChaosWorld> {
  const fixture = await createEngineFixture(sql);
  const departments: ChaosDepartment[] = [];
  for (const unit of [fixture.jianye, fixture.binhu]) {
    const { key } = await createApiKey(sql, { departmentId: unit.departmentId, label: '故障演练', createdBy: 'chaos' });
    departments.push({
      id: unit.departmentId,
      name: unit.name,
      orgCode: unit.orgCode,
      apiKey: key,
      entry: {
        code: unit.entryCode,
        name: '建设项目环境影响评价审批结果',
        requiredElements: [...ENTRY_REQUIRED_ELEMENTS],
        channels: [...ENTRY_CHANNELS],
      },
    });
  }
  const created = await createManagedUser(sql, {
    body: { ...SUPERVISOR, displayName: '故障演练督查员', role: 'supervisor', regionCode: '320000' },
    actor: 'chaos',
  });
  if (!created.ok) throw new Error(`chaos supervisor: ${created.message}`);
  return { departments, supervisor: SUPERVISOR };
}
