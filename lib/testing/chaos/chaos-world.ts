// The data the chaos suite runs on, made with the product's own code paths, with a province supervisor who
// signs in through POST /api/v1/session like a browser.
// - The fault phases use the engine fixture's small world (two counties, one department each with a
//   20-working-day catalog entry, the default rules, the calendar), so every accepted item's alert can be
//   accounted for.
// - The soak uses the demo data set (npm run seed) and publishes as the demo's simulator does, over every
//   pilot department and entry: the load a province's pilot units put on the engine, not 50 items a second
//   piling into two department-months.
import { createApiKey } from '../../auth/api-keys';
import type { Sql } from '../../db/sql';
import { preparePublishers, type Publisher } from '../../simulator/publishers';
import { createManagedUser } from '../../users/manage-users';
import { seedDemo } from '../../../seeds/seed-demo';
import { createEngineFixture, ENTRY_CHANNELS, ENTRY_REQUIRED_ELEMENTS } from '../engine-fixture';

export interface ChaosDepartment {
  id: number;
  name: string;
  orgCode: string;
  apiKey: string;
  entry: { code: string; name: string; requiredElements: string[]; channels: string[] };
}

export type ChaosWorldKind = 'faults' | 'demo';

export interface ChaosWorld {
  /** The fault phases' departments, one entry each (the faults world only). */
  departments: ChaosDepartment[];
  /** Who the soak publishes as: every pilot department of the demo data (the demo world only). */
  publishers: Publisher[];
  supervisor: { username: string; password: string };
}

const SUPERVISOR = { username: 'chaos-supervisor', password: 'chaos-supervisor-password' };
const KEY_LABEL = '故障演练';

export async function createChaosWorld(sql: Sql, kind: ChaosWorldKind = 'faults'): Promise<ChaosWorld> {
  const departments = kind === 'faults' ? await createFaultDepartments(sql) : [];
  if (kind === 'demo') await seedDemo(sql);
  const publishers = kind === 'demo' ? await preparePublishers(sql, { label: KEY_LABEL, createdBy: 'chaos', at: new Date() }) : [];
  const created = await createManagedUser(sql, {
    body: { ...SUPERVISOR, displayName: '故障演练督查员', role: 'supervisor', regionCode: '320000' },
    actor: 'chaos',
  });
  if (!created.ok) throw new Error(`chaos supervisor: ${created.message}`);
  return { departments, publishers, supervisor: SUPERVISOR };
}

async function createFaultDepartments(sql: Sql): Promise<ChaosDepartment[]> {
  const fixture = await createEngineFixture(sql);
  const departments: ChaosDepartment[] = [];
  for (const unit of [fixture.jianye, fixture.binhu]) {
    const { key } = await createApiKey(sql, { departmentId: unit.departmentId, label: KEY_LABEL, createdBy: 'chaos' });
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
  return departments;
}
