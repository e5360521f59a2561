// GET /api/v1/catalog?domain=&q=&departmentId=&regionId=&cursor=&limit= – the current catalog entries in the
// user's scope (regionId: that region and those below it)
import { z } from 'zod';
import { requireApiUser } from '../../../_server/current-user';
import { domainSchema } from '../../../../lib/catalog/domains';
import { catalogKeyOf, catalogKeySchema, listCatalogEntries, type CatalogEntrySummary } from '../../../../lib/catalog/queries';
import { sql } from '../../../../lib/db/sql';
import { findDepartment } from '../../../../lib/departments/queries';
import { locateRegion } from '../../../../lib/regions/queries';
import { badRequestFromZod, forbidden, notFound } from '../../../../lib/http/errors';
import { cursorSchema, limitSchema, queryObject } from '../../../../lib/http/pagination';
import { orUnavailable } from '../../../../lib/http/unavailable';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  domain: domainSchema.optional(),
  q: z
    .string()
    .trim()
    .max(100, '搜索词不超过 100 字')
    .optional()
    .transform((q) => (q ? q : undefined)),
  departmentId: z
    .string()
    .regex(/^\d{1,15}$/, 'departmentId 必须是正整数')
    .transform(Number)
    .refine((id) => id > 0 && Number.isSafeInteger(id), 'departmentId 必须是正整数')
    .optional(),
  regionId: z.string().regex(/^\d{6}$/, 'regionId 必须是 6 位行政区划代码').optional(),
  cursor: cursorSchema(catalogKeySchema),
  limit: limitSchema,
});

// the same opaque form as encodeCursor, for a tuple key
const encodeKey = (key: readonly string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The contract's entry (DESIGN §3), with the names a list shows besides. */
function toApiEntry(entry: CatalogEntrySummary) {
  return {
    id: entry.id,
    code: entry.code,
    name: entry.name,
    domain: entry.domain,
    category: entry.category,
    departmentId: entry.departmentId,
    departmentName: entry.departmentName,
    regionId: entry.regionId,
    timeLimit: entry.timeLimit,
    channels: entry.channels,
    requiredElements: entry.requiredElements,
    mode: entry.mode,
  };
}

export const GET = orUnavailable('catalog list failed', async (request: Request): Promise<Response> => {
  const auth = await requireApiUser(request);
  if (auth instanceof Response) return auth;
  const query = querySchema.safeParse(queryObject(request));
  if (!query.success) return badRequestFromZod(query.error);
  const { domain, q, departmentId, regionId, cursor, limit } = query.data;
  if (regionId !== undefined) {
    const region = await locateRegion(sql, auth.scope, regionId);
    if (region === 'missing') return notFound(`区域 ${regionId} 不存在`);
    if (region === 'outside') return forbidden('该区域不在您的管辖范围内');
  }
  if (departmentId !== undefined) {
    const department = await findDepartment(sql, auth.scope, departmentId);
    if (department === 'missing') return notFound(`部门 ${departmentId} 不存在`);
    if (department === 'outside') return forbidden('该部门不在您的管辖范围内');
  }
  const rows = await listCatalogEntries(sql, auth.scope, { domain, q, departmentId, regionCode: regionId }, { after: cursor, limit: limit + 1 });
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return Response.json({
    data: data.map(toApiEntry),
    next: hasMore && last ? encodeKey(catalogKeyOf(last)) : null,
  });
});
