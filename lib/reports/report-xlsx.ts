// The report as an Excel workbook (exceljs): one sheet per section of the report page.
import ExcelJS from 'exceljs';
import { formatDeadline, formatInstant } from '../scoring/classify-facts';
import { periodLabel } from '../scoring/period';
import { formatPercent, formatScore, type ReportData } from './report-data';
import { reportTitle } from './report-html';

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: (string | number)[][], widths: number[]) {
  const ws = workbook.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, headers.length);
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } }));
  for (const row of rows) ws.addRow(row);
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return ws;
}

export async function buildReportXlsx(data: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政务公开在线监督预警平台';
  workbook.created = new Date(data.generatedAt);
  const title = reportTitle(data);
  const s = data.summary;
  sheet(
    workbook,
    '总体情况',
    title,
    ['项目', '数值'],
    [
      ['统计范围', data.region.name],
      ['统计月份', periodLabel(data.period)],
      ['生成时间（北京时间）', formatInstant(new Date(data.generatedAt))],
      ['参评部门 / 部门总数', `${s.scoredDepartments} / ${s.departments}`],
      ['平均得分', formatScore(s.averageScore)],
      ['应公开义务', s.obligationsDue],
      ['按时公开', s.onTime],
      ['逾期公开', s.late],
      ['超期未公开', s.overdue],
      ['本月发布信息', s.itemsPublished],
      ['发布时不完整', s.itemsIncomplete],
      ['红色预警', s.redAlerts],
      ['投诉件', s.complaints],
      ['及时签收率', formatPercent(s.acceptInTimeRate)],
      ['按时办结率', formatPercent(s.replyInTimeRate)],
      ['回访满意率', formatPercent(s.satisfactionRate)],
    ],
    [26, 30],
  );
  sheet(
    workbook,
    '部门排名',
    `${title} · 部门考核排名`,
    ['排名', '部门', '区域', '得分', '上月得分', '公开及时率', '内容完整率', '红色预警'],
    data.ranking.map((r) => [r.rank, r.departmentName, r.regionName, formatScore(r.total), formatScore(r.previousTotal), formatPercent(r.timelinessRate), formatPercent(r.completenessRate), r.redAlerts]),
    [8, 36, 18, 10, 10, 12, 12, 10],
  );
  sheet(
    workbook,
    '超期事项',
    `${title} · 超期最严重的公开事项`,
    ['信息', '部门', '公开期限', '公开时间', '超期天数'],
    data.worstOverdue.map((w) => [w.title, w.departmentName, formatDeadline(new Date(w.dueAt)), w.fulfilledAt ? formatInstant(new Date(w.fulfilledAt)) : '至今未公开', w.daysLate]),
    [48, 32, 20, 20, 10],
  );
  sheet(
    workbook,
    '投诉办理',
    `${title} · 投诉办理情况`,
    ['部门', '投诉件', '及时签收率', '按时办结率', '回访满意率'],
    data.complaintsByDepartment.map((c) => [c.departmentName, c.complaints, formatPercent(c.acceptInTimeRate), formatPercent(c.replyInTimeRate), formatPercent(c.satisfactionRate)]),
    [36, 10, 12, 12, 12],
  );
  sheet(
    workbook,
    '申诉情况',
    `${title} · 申诉情况`,
    ['部门', '提出申诉', '申诉成立', '申诉驳回'],
    data.disputesByDepartment.map((d) => [d.departmentName, d.filed, d.accepted, d.rejected]),
    [36, 12, 12, 12],
  );
  if (data.requests) {
    const r = data.requests;
    sheet(
      workbook,
      '依申请公开',
      `${title} · 依申请公开情况`,
      ['项目', '数值'],
      [
        ['收到申请', r.received],
        ['作出答复', r.replied],
        ['按时答复', r.repliedOnTime],
        ['逾期答复', r.repliedLate],
        ['超期未答复（月末）', r.overdue],
        ['按时答复率', formatPercent(r.replied > 0 ? r.repliedOnTime / r.replied : null)],
      ],
      [26, 30],
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
