// The department a signed-in department user (role 'dept') publishes for, in the shape ingest needs.
import type { Db } from '../db/sql';
import type { IngestDepartment } from './ingest-item';

export async function findIngestDepartment(db: Db, departmentId: number): Promise<IngestDepartment | null> {
  const [row] = await db<IngestDepartment[]>`
    select d.id, d.region_code as "regionCode", r.path as "regionPath", d.org_code as "orgCode", d.name
    from departments d join regions r on r.code = d.region_code
    where d.id = ${departmentId}`;
  return row ?? null;
}
