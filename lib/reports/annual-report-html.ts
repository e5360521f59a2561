// The annual report's request table as one self-contained HTML page, laid out like the national template
// (申请人情况 across, 一 … 四 down), printed to PDF by Chromium like the monthly report.
import { formatInstant } from '../scoring/classify-facts';
import { annualReportNotes, annualReportTitle, CROSS_CHECK_NOTE, REQUEST_SECTION_TITLE, type AnnualReportData } from './annual-report-data';
import { APPLICANT_COLUMN_LABELS, HEADING_ROWS, REQUEST_TABLE_ROWS, TABLE_COLUMNS } from './annual-request-table';
import { escape } from './report-html';

const ORGANISATION_COLUMNS = TABLE_COLUMNS.filter((c) => c !== 'person' && c !== 'total');

export function renderAnnualReportHtml(data: AnnualReportData): string {
  const title = annualReportTitle(data);
  const asOf = formatInstant(new Date(data.requests.asOf));
  const head = `
<tr><th class="corner" rowspan="3">${escape(CROSS_CHECK_NOTE)}</th><th colspan="${TABLE_COLUMNS.length}">申请人情况</th></tr>
<tr><th rowspan="2">${APPLICANT_COLUMN_LABELS.person}</th><th colspan="${ORGANISATION_COLUMNS.length}">法人或其他组织</th><th rowspan="2">${APPLICANT_COLUMN_LABELS.total}</th></tr>
<tr>${ORGANISATION_COLUMNS.map((c) => `<th>${APPLICANT_COLUMN_LABELS[c]}</th>`).join('')}</tr>`;
  const body = REQUEST_TABLE_ROWS.map((row) => {
    const figures = HEADING_ROWS.includes(row.key)
      ? `<td colspan="${TABLE_COLUMNS.length}"></td>`
      : TABLE_COLUMNS.map((c) => `<td class="n">${data.requests.cells[row.key][c]}</td>`).join('');
    return `<tr data-row="${row.key}"><td class="label level-${row.level}">${escape(row.label)}</td>${figures}</tr>`;
  }).join('\n');
  const notes = annualReportNotes(data, asOf);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; color: #1f1f1f; font-size: 11px; margin: 0; }
  h1 { font-size: 20px; text-align: center; color: #8e1616; margin: 0 0 4px; }
  .meta { text-align: center; color: #8c8c8c; margin-bottom: 10px; }
  h2 { font-size: 15px; border-left: 4px solid #8e1616; padding-left: 8px; margin: 12px 0 8px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #bfbfbf; padding: 3px 6px; }
  th { background: #fafafa; font-weight: 600; text-align: center; }
  th.corner { width: 42%; font-weight: normal; font-size: 10px; text-align: left; }
  td.n { text-align: right; width: 7%; }
  td.level-1 { padding-left: 18px; }
  td.level-2 { padding-left: 32px; }
  tr { page-break-inside: avoid; }
  ol.notes { color: #595959; padding-left: 18px; font-size: 10px; margin: 8px 0 0; }
</style></head>
<body>
<h1>${escape(title)}</h1>
<div class="meta">统计范围：${escape(data.region.name)}及所辖区域 · 统计年度：${data.year}年 · 数据截至：${escape(asOf)}（北京时间）</div>
<h2>${REQUEST_SECTION_TITLE}</h2>
<table>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
<ol class="notes">${notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ol>
</body></html>`;
}
