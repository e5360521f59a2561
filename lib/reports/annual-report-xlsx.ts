// The annual report's request table as an Excel workbook (exceljs), laid out like the national template so an
// office can copy it into its report: the corner note, 申请人情况 across (自然人, 法人或其他组织 in five kinds,
// 总计), one row per line of the template with its figures, and the notes below.
import ExcelJS from 'exceljs';
import { formatInstant } from '../scoring/classify-facts';
import { annualReportNotes, annualReportTitle, CROSS_CHECK_NOTE, REQUEST_SECTION_TITLE, type AnnualReportData } from './annual-report-data';
import { APPLICANT_COLUMN_LABELS, HEADING_ROWS, REQUEST_TABLE_ROWS, TABLE_COLUMNS } from './annual-request-table';

/** The sheet's name, and where its figures start: row of 一、本年新收…, column of 自然人. */
export const REQUEST_SHEET = '收到和处理申请情况';
export const FIRST_FIGURE_ROW = 6;
export const FIRST_FIGURE_COLUMN = 2;

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function buildAnnualReportXlsx(data: AnnualReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政务公开在线监督预警平台';
  workbook.created = new Date(data.generatedAt);
  const ws = workbook.addWorksheet(REQUEST_SHEET);
  const last = FIRST_FIGURE_COLUMN + TABLE_COLUMNS.length - 1;
  const asOf = formatInstant(new Date(data.requests.asOf));

  ws.getCell(1, 1).value = `${annualReportTitle(data)} · ${REQUEST_SECTION_TITLE}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(2, 1).value = `统计范围：${data.region.name}及所辖区域 · 统计年度：${data.year}年 · 数据截至：${asOf}（北京时间）`;
  ws.mergeCells(2, 1, 2, last);

  // header: rows 3–5, as the template's
  ws.getCell(3, 1).value = CROSS_CHECK_NOTE;
  ws.mergeCells(3, 1, 5, 1);
  ws.getCell(3, FIRST_FIGURE_COLUMN).value = '申请人情况';
  ws.mergeCells(3, FIRST_FIGURE_COLUMN, 3, last);
  ws.getCell(4, FIRST_FIGURE_COLUMN).value = APPLICANT_COLUMN_LABELS.person;
  ws.mergeCells(4, FIRST_FIGURE_COLUMN, 5, FIRST_FIGURE_COLUMN);
  ws.getCell(4, FIRST_FIGURE_COLUMN + 1).value = '法人或其他组织';
  ws.mergeCells(4, FIRST_FIGURE_COLUMN + 1, 4, last - 1);
  ws.getCell(4, last).value = APPLICANT_COLUMN_LABELS.total;
  ws.mergeCells(4, last, 5, last);
  TABLE_COLUMNS.slice(1, -1).forEach((column, i) => (ws.getCell(5, FIRST_FIGURE_COLUMN + 1 + i).value = APPLICANT_COLUMN_LABELS[column]));
  for (let r = 3; r <= 5; r += 1) {
    for (let c = 1; c <= last; c += 1) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: c > 1 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
      cell.border = BORDER;
    }
  }

  REQUEST_TABLE_ROWS.forEach((row, i) => {
    const r = FIRST_FIGURE_ROW + i;
    const label = ws.getCell(r, 1);
    label.value = row.label;
    label.alignment = { indent: row.level * 2, wrapText: true, vertical: 'middle' };
    label.border = BORDER;
    if (row.level === 0) label.font = { bold: true };
    TABLE_COLUMNS.forEach((column, j) => {
      const cell = ws.getCell(r, FIRST_FIGURE_COLUMN + j);
      // the heading 三 has no figures of its own; every other line has a number, 0 included
      if (!HEADING_ROWS.includes(row.key)) cell.value = data.requests.cells[row.key][column];
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      cell.border = BORDER;
    });
  });

  const notesRow = FIRST_FIGURE_ROW + REQUEST_TABLE_ROWS.length + 1;
  annualReportNotes(data, asOf).forEach((note, i) => {
    const cell = ws.getCell(notesRow + i, 1);
    cell.value = `注${i + 1}：${note}`;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(notesRow + i, 1, notesRow + i, last);
    ws.getRow(notesRow + i).height = Math.max(18, Math.ceil(note.length / 60) * 16);
  });

  ws.getColumn(1).width = 62;
  for (let c = FIRST_FIGURE_COLUMN; c <= last; c += 1) ws.getColumn(c).width = 11;
  ws.getRow(3).height = 20;
  ws.views = [{ state: 'frozen', ySplit: 5, xSplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
