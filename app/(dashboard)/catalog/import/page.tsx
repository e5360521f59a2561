import { forbidden } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../lib/db/sql';
import { listRegionsInScope } from '../../../../lib/regions/queries';
import { CatalogImport } from '../_components/catalog-import';

export const dynamic = 'force-dynamic';
export const metadata = { title: '目录导入导出 · 政务公开在线监督预警平台' };

// 目录导入导出: the Excel template, an import checked whole before anything is written, and the export
export default async function CatalogImportPage() {
  const { scope } = await requireUser();
  if (!can(scope, 'manageCatalog')) forbidden();
  const regions = await listRegionsInScope(sql, scope, { limit: 500 });
  // catalogs belong to county-level units (and cities' own departments); a county office has one choice
  const counties = regions.filter((region) => region.level === 'county');
  return <CatalogImport regions={counties.length > 0 ? counties : regions} />;
}
