import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../_server/current-user';
import { can } from '../../../lib/auth/permissions/role-permissions';
import { now } from '../../../lib/clock';
import { sql } from '../../../lib/db/sql';
import { listRegionsInScope } from '../../../lib/regions/queries';
import { currentYearOf } from '../../../lib/reports/get-annual-report';
import { listReports } from '../../../lib/reports/queries';
import { addMonths, periodOf, periodsEndingWith } from '../../../lib/scoring/period';
import { ReportList } from './_components/report-list';

export const dynamic = 'force-dynamic';
export const metadata = { title: '月度报告 · 政务公开在线监督预警平台' };

const PAGE_SIZE = 20;
const MONTHS_OFFERED = 24;
const YEARS_OFFERED = 5;

// 月度报告: the monthly reports of the user's regions, and building one for any month that has ended
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'readReports')) forbidden();
  const raw = (await searchParams).page;
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(Array.isArray(raw) ? raw[0] : (raw ?? 1));
  const [{ rows, total }, regions] = await Promise.all([
    listReports(sql, scope, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    listRegionsInScope(sql, scope, { limit: 1_000 }),
  ]);
  const at = now();
  const lastEnded = addMonths(periodOf(at), -1);
  return (
    <ReportList
      rows={rows}
      total={total}
      page={page}
      pageSize={PAGE_SIZE}
      regions={regions}
      periods={periodsEndingWith(lastEnded, MONTHS_OFFERED).reverse()}
      years={Array.from({ length: YEARS_OFFERED }, (_, i) => currentYearOf(at) - i)}
    />
  );
}
