// The catalog spreadsheet as an .xlsx file (exceljs): the template, the export, and reading an upload. The
// sheet's meaning lives in catalog-sheet.ts; this file only moves text in and out of cells.
import ExcelJS from 'exceljs';
import { headerProblems, SHEET_COLUMNS, type SheetProblem, type SheetRow } from './catalog-sheet';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = '公开事项目录';
export const MAX_IMPORT_ROWS = 5_000;

const EXAMPLE_ROW = [
  'HB-EXAMPLE-001',
  '建设项目环境影响评价审批结果',
  '环境保护',
  '环境保护 › 环评审批',
  '《环境影响评价法》第二十二条；《政府信息公开条例》第二十条',
  '批复文件、项目名称、建设地点、建设单位',
  '索引号、发布机构、内容概述、正文',
  '（填写本区域部门的全称）',
  '信息形成或变更之日起20个工作日内',
  '政府网站、政府信息公开平台',
  '全社会',
  '主动公开',
  '',
  '县级',
];

const NOTES = [
  ['填写说明'],
  ['1. 每行一个公开事项，第 1 行为表头，请勿修改表头。编码在本区域内唯一；已有编码的行视为修改，生成新版本。'],
  ['2. 领域：城乡规划、重大建设项目、财政预决算、税收管理、环境保护、食品药品监管、安全生产、公共文化服务、公共法律服务、其他。'],
  ['3. 必备要素、公开渠道可填多项，用顿号“、”分隔。要素：索引号、文号、发布机构、内容概述、正文、链接地址、附件，或自定义字段名（如 三公经费表）。'],
  ['4. 公开渠道：政府网站、政府信息公开平台、政务微信、政务微博、政务客户端、公开栏、政务服务中心、报刊广播电视、精准推送。'],
  ['5. 公开时限按目录原文填写，如 信息形成或变更之日起20个工作日内、批准后20日内、每季度、每年1月31日前；“及时”“长期公开”等无法量化的时限会列入待完善。'],
  ['6. 公开方式为“不予公开”的事项须填写不予公开理由，导入后须经设区市政务公开办审批方生效。'],
  ['7. 整个文件先全部检查，任何一行有误都不会写入；同一文件重复导入不会产生变化。'],
];

/** A workbook of the given rows under the template's header (the export; the template has one example row). */
export async function writeCatalogWorkbook(rows: readonly string[][], options: { withNotes?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政务公开在线监督预警平台';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E5E5' } };
  for (const row of rows) sheet.addRow(row);
  for (let i = 1; i <= SHEET_COLUMNS.length; i++) sheet.getColumn(i).numFmt = '@';
  if (options.withNotes) {
    const notes = workbook.addWorksheet('填写说明');
    notes.getColumn(1).width = 120;
    for (const note of NOTES) notes.addRow(note);
    notes.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const writeTemplateWorkbook = () => writeCatalogWorkbook([EXAMPLE_ROW], { withNotes: true });

/** The first sheet's rows as text, or the problems that stop it being read at all. */
export async function readCatalogWorkbook(data: Uint8Array): Promise<{ ok: true; rows: SheetRow[] } | { ok: false; problems: SheetProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as never);
  } catch {
    return { ok: false, problems: [{ row: 0, column: '文件', message: '文件不是有效的 Excel（.xlsx）文件，请使用导入模板' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 0, column: '文件', message: '文件中没有工作表' }] };
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) {
    return { ok: false, problems: [{ row: 0, column: '文件', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` }] };
  }
  const textOf = (row: ExcelJS.Row, index: number) => {
    const cell = row.getCell(index);
    return cell.value === null || cell.value === undefined ? '' : cell.text.trim();
  };
  const header = SHEET_COLUMNS.map((_, i) => textOf(sheet.getRow(1), i + 1));
  const problems = headerProblems(header);
  if (problems.length > 0) return { ok: false, problems };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    rows.push({ rowNumber, cells: SHEET_COLUMNS.map((_, i) => textOf(row, i + 1)) });
  });
  return { ok: true, rows };
}
