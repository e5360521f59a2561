import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '../../../_server/current-user';
import { can } from '../../../../lib/auth/permissions/role-permissions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { annualReportTitle } from '../../../../lib/reports/annual-report-data';
import { renderAnnualReportHtml } from '../../../../lib/reports/annual-report-html';
import { getAnnualReport } from '../../../../lib/reports/get-annual-report';
import { ReportView } from '../_components/report-view';

export const dynamic = 'force-dynamic';
export const metadata = { title: '年度报告 · 政务公开在线监督预警平台' };

const querySchema = z.object({ regionId: z.string().regex(/^\d{6}$/), year: z.coerce.number().int() });

// 年度报告 三、收到和处理政府信息公开申请情况: one region's year, as printed to PDF
export default async function AnnualReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requireUser();
  if (!can(scope, 'readReports')) forbidden();
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const report = await getAnnualReport(sql, scope, { regionCode: query.data.regionId, year: query.data.year, at: now() });
  if (!report.ok) {
    if (report.refusal === 'out_of_scope') forbidden();
    notFound();
  }
  const params = `regionId=${report.data.region.code}&year=${report.data.year}`;
  return (
    <ReportView
      files={{ xlsx: `/api/v1/reports/annual/xlsx?${params}`, pdf: `/api/v1/reports/annual/pdf?${params}` }}
      title={annualReportTitle(report.data)}
      html={renderAnnualReportHtml(report.data)}
    />
  );
}
