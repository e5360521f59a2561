import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { auditEntitySchema, countAudit, listAuditPage } from '../../../../lib/audit/list-audit';
import { isYmd, nextDay, startOfShanghaiDay } from '../../../../lib/calendar/ymd';
import { sql } from '../../../../lib/db/sql';
import { AuditSearch } from './_components/audit-search';

export const dynamic = 'force-dynamic';
export const metadata = { title: '审计日志 · 政务公开在线监督预警平台' };

const AUDIT_PAGE_SIZE = 20;

const day = z.string().trim().refine(isYmd).optional().catch(undefined);

// a hand-edited URL falls back to the unfiltered first page rather than failing
const searchSchema = z.object({
  entity: auditEntitySchema.optional().catch(undefined),
  actor: z.string().trim().max(64).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// 审计日志: who changed the catalog, rules, calendar, users, keys and weights, when, before and after (admin)
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'readAudit')) forbidden();
  const raw = await searchParams;
  const search = searchSchema.parse(Object.fromEntries(['entity', 'actor', 'from', 'to', 'page'].map((key) => [key, first(raw[key])])));
  const filter = {
    entity: search.entity,
    actor: search.actor || undefined,
    from: search.from ? startOfShanghaiDay(search.from) : undefined,
    // the "to" day is included: rows before 00:00 of the next day
    to: search.to ? startOfShanghaiDay(nextDay(search.to)) : undefined,
  };
  const [rows, total] = await Promise.all([
    listAuditPage(sql, filter, { offset: (search.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }),
    countAudit(sql, filter),
  ]);
  return (
    <AuditSearch
      rows={rows}
      total={total}
      pageSize={AUDIT_PAGE_SIZE}
      filter={{ entity: search.entity ?? null, actor: search.actor ?? '', from: search.from ?? '', to: search.to ?? '', page: search.page }}
    />
  );
}
