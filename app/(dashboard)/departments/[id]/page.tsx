import { notFound, forbidden } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../../_server/current-user';
import { listAlerts } from '../../../../lib/alerts/queries';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { findDepartment } from '../../../../lib/departments/queries';
import { countDepartmentItems, listDepartmentItems } from '../../../../lib/items/queries';
import {
  countObligations,
  countOverdueByDomain,
  dueSoonUntil,
  listOpenObligations,
} from '../../../../lib/obligations/queries';
import { parseRouteId } from '../../_components/route-id';
import { DepartmentView } from '../_components/department-view';

export const dynamic = 'force-dynamic';
// generic: a page that answers 无权查看 must not name the department in the tab either
export const metadata = { title: '部门详情 · 政务公开在线监督预警平台' };

const ITEMS_PAGE_SIZE = 10;
// the obligation tables page in the browser; beyond this the counts say how many more there are
const OBLIGATIONS_SHOWN = 200;
const ALERTS_SHOWN = 20;

const pageSchema = z.coerce.number().int().min(1).max(10_000).default(1).catch(1);

// 部门: one department's obligations (due soon, overdue), open alerts, overdue by domain and recent items
export default async function DepartmentPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { scope } = await requireUser();
  const id = parseRouteId((await props.params).id);
  if (id === null) notFound();
  const department = await findDepartment(sql, scope, id);
  if (department === 'missing') notFound();
  if (department === 'outside') forbidden();

  const rawPage = (await props.searchParams).page;
  const page = pageSchema.parse(Array.isArray(rawPage) ? rawPage[0] : rawPage);
  const at = now();
  const dueBy = await dueSoonUntil(sql, at);
  const [counts, dueSoon, overdue, alerts, byDomain, items, itemTotal] = await Promise.all([
    countObligations(sql, scope, { departmentId: id }, at),
    listOpenObligations(sql, scope, { departmentId: id, window: 'dueSoon', dueBy, limit: OBLIGATIONS_SHOWN }, at),
    listOpenObligations(sql, scope, { departmentId: id, window: 'overdue', limit: OBLIGATIONS_SHOWN }, at),
    listAlerts(sql, scope, { state: 'unresolved', departmentId: id, limit: ALERTS_SHOWN }),
    countOverdueByDomain(sql, scope, { departmentId: id }, at),
    listDepartmentItems(sql, scope, id, { offset: (page - 1) * ITEMS_PAGE_SIZE, limit: ITEMS_PAGE_SIZE }, at),
    countDepartmentItems(sql, scope, id),
  ]);
  return (
    <DepartmentView
      department={department}
      counts={counts}
      dueSoon={dueSoon}
      overdue={overdue}
      alerts={alerts.map((row) => row.alert)}
      byDomain={byDomain}
      items={items}
      itemTotal={itemTotal}
      itemPage={page}
      itemPageSize={ITEMS_PAGE_SIZE}
    />
  );
}
