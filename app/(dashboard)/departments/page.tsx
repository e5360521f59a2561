import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../_server/current-user';
import { now } from '../../../lib/clock';
import { sql } from '../../../lib/db/sql';
import { countDepartments, listDepartmentStats } from '../../../lib/departments/queries';
import { listRegionsInScope, locateRegion } from '../../../lib/regions/queries';
import { DepartmentList } from './_components/department-list';

export const dynamic = 'force-dynamic';
export const metadata = { title: '部门 · 政务公开在线监督预警平台' };

const PAGE_SIZE = 20;
// regions a scope can hold: a province has 13 cities and under 100 county-level units
const MAX_REGIONS = 1_000;

const searchSchema = z.object({
  regionId: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// 部门: the departments of the user's scope (or of one region in it), the most overdue first
export default async function DepartmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  const raw = await searchParams;
  const search = searchSchema.parse({ regionId: first(raw.regionId), q: first(raw.q), page: first(raw.page) });
  if (search.regionId) {
    const place = await locateRegion(sql, scope, search.regionId);
    if (place === 'outside') forbidden();
    if (place === 'missing') search.regionId = undefined;
  }
  const q = search.q ? search.q : undefined;
  const filter = { regionCode: search.regionId, q };
  const [rows, total, regions] = await Promise.all([
    listDepartmentStats(sql, scope, filter, { offset: (search.page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, now()),
    countDepartments(sql, scope, filter),
    listRegionsInScope(sql, scope, { limit: MAX_REGIONS }),
  ]);
  return (
    <DepartmentList
      rows={rows}
      total={total}
      regions={regions}
      filter={{ regionId: search.regionId ?? null, q: q ?? '', page: search.page }}
      pageSize={PAGE_SIZE}
      isDepartmentUser={scope.departmentId !== null}
    />
  );
}
