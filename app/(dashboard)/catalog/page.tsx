import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../_server/current-user';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { DOMAINS } from '../../../lib/catalog/domains';
import {
  countCatalogByDomain,
  countCatalogEntries,
  listCatalogDepartments,
  listCatalogEntries,
} from '../../../lib/catalog/queries';
import { sql } from '../../../lib/db/sql';
import { findDepartment } from '../../../lib/departments/queries';
import { listRegionsInScope, locateRegion } from '../../../lib/regions/queries';
import { CatalogBrowser } from './_components/catalog-browser';

export const dynamic = 'force-dynamic';
export const metadata = { title: '公开目录 · 政务公开在线监督预警平台' };

const CATALOG_PAGE_SIZE = 20;

// a hand-edited URL falls back to the unfiltered first page rather than failing
const searchSchema = z.object({
  domain: z.enum(DOMAINS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  departmentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  regionId: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// 公开目录: the catalog of the user's scope by domain, region and department, searchable, paged
export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  const raw = await searchParams;
  const search = searchSchema.parse(Object.fromEntries(['domain', 'q', 'departmentId', 'regionId', 'page'].map((key) => [key, first(raw[key])])));
  const q = search.q ? search.q : undefined;
  if (search.departmentId !== undefined) {
    const department = await findDepartment(sql, scope, search.departmentId);
    if (department === 'outside') forbidden();
    if (department === 'missing') search.departmentId = undefined;
  }
  if (search.regionId !== undefined) {
    const region = await locateRegion(sql, scope, search.regionId);
    if (region === 'outside') forbidden();
    if (region === 'missing') search.regionId = undefined;
  }
  const filter = { domain: search.domain, q, departmentId: search.departmentId, regionCode: search.regionId };
  const [entries, total, byDomain, departments, regions] = await Promise.all([
    listCatalogEntries(sql, scope, filter, { offset: (search.page - 1) * CATALOG_PAGE_SIZE, limit: CATALOG_PAGE_SIZE }),
    countCatalogEntries(sql, scope, filter),
    countCatalogByDomain(sql, scope, { q, departmentId: search.departmentId, regionCode: search.regionId }),
    listCatalogDepartments(sql, scope),
    listRegionsInScope(sql, scope, { limit: 1_000 }),
  ]);
  const regionCount = new Set(departments.map((department) => department.regionId)).size;
  return (
    <CatalogBrowser
      entries={entries}
      total={total}
      byDomain={byDomain}
      departments={departments}
      regions={regionCount > 1 ? regions : []}
      filter={{ domain: search.domain ?? null, q: q ?? '', departmentId: search.departmentId ?? null, regionId: search.regionId ?? null, page: search.page }}
      pageSize={CATALOG_PAGE_SIZE}
      showRegion={regionCount > 1}
      canManage={can(scope, 'manageCatalog')}
    />
  );
}
