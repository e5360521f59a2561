// The report as one self-contained HTML page (no scripts, inline styles): shown on /reports/:id and printed
// to PDF by Chromium, so what a leader reads on screen and on paper is the same page.
import { formatDeadline, formatInstant } from '../scoring/classify-facts';
import { periodLabel } from '../scoring/period';
import { formatPercent, formatScore, type ReportData } from './report-data';

/** Text a department or an applicant wrote, made safe to place in the report's HTML. */
export const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const reportTitle = (data: Pick<ReportData, 'region' | 'period'>) => `${data.region.name}${periodLabel(data.period)}政务公开考核报告`;

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escape(empty)}</p>`;
  const head = headers.map((h) => `<th>${escape(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** 六、依申请公开情况: left out of reports built before requests were recorded. */
function requestSection(requests: ReportData['requests']): string {
  if (!requests) return '';
  const figures: [string, string][] = [
    ['收到申请', String(requests.received)],
    ['作出答复', String(requests.replied)],
    ['按时答复', `${requests.repliedOnTime}（${formatPercent(requests.replied > 0 ? requests.repliedOnTime / requests.replied : null)}）`],
    ['逾期答复', String(requests.repliedLate)],
    ['超期未答复', String(requests.overdue)],
  ];
  return `<h2>六、依申请公开情况</h2>
<div class="figures">${figures.map(([k, v]) => `<div class="figure">${escape(k)}<b>${escape(v)}</b></div>`).join('')}</div>`;
}

export function renderReportHtml(data: ReportData): string {
  const s = data.summary;
  const title = reportTitle(data);
  const figures: [string, string][] = [
    ['参评部门', `${s.scoredDepartments} / ${s.departments}`],
    ['平均得分', formatScore(s.averageScore)],
    ['应公开义务', String(s.obligationsDue)],
    ['按时公开', `${s.onTime}（${formatPercent(s.obligationsDue > 0 ? s.onTime / s.obligationsDue : null)}）`],
    ['逾期公开', String(s.late)],
    ['超期未公开', String(s.overdue)],
    ['本月发布信息', String(s.itemsPublished)],
    ['发布时不完整', String(s.itemsIncomplete)],
    ['红色预警', String(s.redAlerts)],
    ['投诉件', String(s.complaints)],
    ['及时签收率', formatPercent(s.acceptInTimeRate)],
    ['按时办结率', formatPercent(s.replyInTimeRate)],
    ['回访满意率', formatPercent(s.satisfactionRate)],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; color: #1f1f1f; font-size: 12px; margin: 0; }
  h1 { font-size: 20px; text-align: center; color: #8e1616; margin: 0 0 4px; }
  .meta { text-align: center; color: #8c8c8c; margin-bottom: 16px; }
  h2 { font-size: 15px; border-left: 4px solid #8e1616; padding-left: 8px; margin: 20px 0 8px; }
  .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
  .figure { border: 1px solid #f0f0f0; border-radius: 4px; padding: 8px; }
  .figure b { display: block; font-size: 16px; margin-top: 2px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #e8e8e8; padding: 4px 6px; text-align: left; }
  th { background: #fafafa; }
  tr { page-break-inside: avoid; }
  .empty { color: #8c8c8c; }
</style></head>
<body>
<h1>${escape(title)}</h1>
<div class="meta">统计范围：${escape(data.region.name)}及所辖区域 · 统计月份：${escape(periodLabel(data.period))} · 生成时间：${escape(formatInstant(new Date(data.generatedAt)))}（北京时间）</div>
<h2>一、总体情况</h2>
<div class="figures">${figures.map(([k, v]) => `<div class="figure">${escape(k)}<b>${escape(v)}</b></div>`).join('')}</div>
<h2>二、部门考核排名</h2>
${table(
  ['排名', '部门', '区域', '得分', '上月得分', '公开及时率', '内容完整率', '红色预警'],
  data.ranking.map((r) => [
    String(r.rank),
    r.departmentName,
    r.regionName,
    formatScore(r.total),
    formatScore(r.previousTotal),
    formatPercent(r.timelinessRate),
    formatPercent(r.completenessRate),
    String(r.redAlerts),
  ]),
  '本月没有参评部门',
)}
<h2>三、超期最严重的公开事项</h2>
${table(
  ['信息', '部门', '公开期限', '公开时间', '超期天数'],
  data.worstOverdue.map((w) => [w.title, w.departmentName, formatDeadline(new Date(w.dueAt)), w.fulfilledAt ? formatInstant(new Date(w.fulfilledAt)) : '至今未公开', String(w.daysLate)]),
  '本月没有超期事项',
)}
<h2>四、投诉办理情况</h2>
${table(
  ['部门', '投诉件', '及时签收率', '按时办结率', '回访满意率'],
  data.complaintsByDepartment.map((c) => [c.departmentName, String(c.complaints), formatPercent(c.acceptInTimeRate), formatPercent(c.replyInTimeRate), formatPercent(c.satisfactionRate)]),
  '本月没有投诉件',
)}
<h2>五、申诉情况</h2>
${table(
  ['部门', '提出申诉', '申诉成立', '申诉驳回'],
  data.disputesByDepartment.map((d) => [d.departmentName, String(d.filed), String(d.accepted), String(d.rejected)]),
  '本月没有申诉',
)}
${requestSection(data.requests)}
</body></html>`;
}
