// Who the simulator publishes as: every pilot department with a proactive catalog entry whose time limit
// counts from the item's formation, each with an ingest API key of its own. Used by the demo's simulator
// (scripts/simulate.ts) and by the chaos suite's soak, so both stream the same mix over the same departments.
import { createApiKey } from '../auth/api-keys';
import type { Sql } from '../db/sql';
import type { SimDepartment, SimEntry } from './plan-publication';

export interface Publisher {
  department: SimDepartment;
  key: string;
  entries: SimEntry[];
}

/** Creates one key per department under `label`, revoking the keys an earlier run left under that label. */
export async function preparePublishers(sql: Sql, input: { label: string; createdBy: string; at: Date }): Promise<Publisher[]> {
  const rows = await sql<(SimEntry & { departmentId: number; departmentName: string; orgCode: string; regionCode: string })[]>`
    select c.code, c.name, c.required_elements as "requiredElements", c.channels,
      d.id as "departmentId", d.name as "departmentName", d.org_code as "orgCode", d.region_code as "regionCode"
    from catalog_entries c
    join departments d on d.id = c.department_id
    join regions r on r.code = c.region_code
    where r.is_pilot and c.is_current and c.retired_at is null and c.mode = 'proactive'
      and c.time_limit->>'kind' in ('working_days_after', 'calendar_days_after')
    order by d.id, c.code`;
  const byDepartment = new Map<number, Publisher>();
  for (const row of rows) {
    let publisher = byDepartment.get(row.departmentId);
    if (!publisher) {
      await sql`update api_keys set revoked_at = ${input.at}
                where department_id = ${row.departmentId} and label = ${input.label} and revoked_at is null`;
      const { key } = await createApiKey(sql, { departmentId: row.departmentId, label: input.label, createdBy: input.createdBy });
      publisher = { department: { id: row.departmentId, name: row.departmentName, orgCode: row.orgCode, regionCode: row.regionCode }, key, entries: [] };
      byDepartment.set(row.departmentId, publisher);
    }
    publisher.entries.push({ code: row.code, name: row.name, requiredElements: row.requiredElements, channels: row.channels });
  }
  return [...byDepartment.values()];
}

/** A department at random, then one of its entries at random: the demo's spread over departments and entries. */
export function pickPublication(random: () => number, publishers: readonly Publisher[]): { publisher: Publisher; entry: SimEntry } {
  const publisher = publishers[Math.floor(random() * publishers.length)]!;
  return { publisher, entry: publisher.entries[Math.floor(random() * publisher.entries.length)]! };
}
