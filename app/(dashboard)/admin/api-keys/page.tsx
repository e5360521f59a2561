import { z } from 'zod';
import { requireUser } from '../../../_server/current-user';
import { sql } from '../../../../lib/db/sql';
import { listRegionsInScope } from '../../../../lib/regions/queries';
import { listDepartmentKeys } from '../../../../lib/users/manage-api-keys';
import { ApiKeyAdmin } from './_components/api-key-admin';

export const dynamic = 'force-dynamic';
export const metadata = { title: '接口密钥 · 政务公开在线监督预警平台' };

type SearchParams = Record<string, string | string[] | undefined>;

// 接口密钥: departments' ingest keys for their CMS; issued here, shown once, revoked here (admin)
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  const raw = (await searchParams).departmentId;
  const departmentId = z.coerce.number().int().positive().optional().catch(undefined).parse(Array.isArray(raw) ? raw[0] : raw);
  const [keys, regions] = await Promise.all([listDepartmentKeys(sql, { departmentId }), listRegionsInScope(sql, scope, { limit: 500 })]);
  return <ApiKeyAdmin keys={keys} regions={regions} departmentId={departmentId ?? null} />;
}
