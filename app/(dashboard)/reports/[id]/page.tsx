import { forbidden, notFound } from 'next/navigation';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { sql } from '../../../../lib/db/sql';
import { findReport } from '../../../../lib/reports/queries';
import { renderReportHtml, reportTitle } from '../../../../lib/reports/report-html';
import { parseRouteId } from '../../_components/route-id';
import { ReportView } from '../_components/report-view';

export const dynamic = 'force-dynamic';
export const metadata = { title: '月度报告 · 政务公开在线监督预警平台' };

// 月度报告: one region's month, as printed to PDF
export default async function ReportPage(props: { params: Promise<{ id: string }> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'readReports')) forbidden();
  const id = parseRouteId((await props.params).id);
  if (id === null) notFound();
  const report = await findReport(sql, scope, id);
  if (report === 'missing') notFound();
  if (report === 'outside') forbidden();
  return <ReportView files={{ xlsx: `/api/v1/reports/${id}/xlsx`, pdf: `/api/v1/reports/${id}/pdf` }} title={reportTitle(report.data)} html={renderReportHtml(report.data)} />;
}
