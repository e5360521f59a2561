// The catalog as a spreadsheet (导入模板 / 导出): one entry a row, in the office's own words — Chinese labels
// for domains, channels, elements and modes, the time limit as the catalog states it. Pure: rows of text in,
// entry inputs or a list of every problem (row, column, zh-CN reason) out; catalog-workbook.ts does the Excel.
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../rules/evaluate-channels';
import { elementLabel } from '../rules/evaluate-completeness';
import { AUDIENCE_LABELS, DOMAIN_LABELS, DOMAINS, MODE_LABELS, DISCLOSURE_MODES, type Audience, type Domain } from './domains';
import { CORE_ELEMENT_KEYS, entryInputSchema, type EntryInput, type EntryValues } from './entry-input';

export const SHEET_COLUMNS = [
  { key: 'code', header: '编码', width: 18 },
  { key: 'name', header: '事项名称', width: 32 },
  { key: 'domain', header: '领域', width: 14 },
  { key: 'category', header: '类别', width: 20 },
  { key: 'basis', header: '公开依据', width: 36 },
  { key: 'content', header: '公开内容', width: 36 },
  { key: 'requiredElements', header: '必备要素', width: 28 },
  { key: 'department', header: '责任部门', width: 26 },
  { key: 'timeLimitText', header: '公开时限', width: 28 },
  { key: 'channels', header: '公开渠道', width: 28 },
  { key: 'audience', header: '公开对象', width: 10 },
  { key: 'mode', header: '公开方式', width: 12 },
  { key: 'withheldReason', header: '不予公开理由', width: 24 },
  { key: 'level', header: '层级', width: 8 },
] as const;
export type SheetColumnKey = (typeof SHEET_COLUMNS)[number]['key'];

export const SHEET_HEADERS: readonly string[] = SHEET_COLUMNS.map((column) => column.header);
const LIST_SEPARATOR = '、';
const LEVEL_LABELS = { county: '县级', township: '乡镇' } as const;

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  rowNumber: number;
  cells: string[];
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
}

export interface SheetDepartment {
  id: number;
  name: string;
}

const reverse = <K extends string>(labels: Readonly<Record<K, string>>) =>
  new Map(Object.entries<string>(labels).map(([key, label]) => [label, key as K]));

const DOMAIN_BY_LABEL = reverse<Domain>(DOMAIN_LABELS);
const CHANNEL_BY_LABEL = reverse<Channel>(CHANNEL_LABELS);
const MODE_BY_LABEL = reverse(MODE_LABELS);
const AUDIENCE_BY_LABEL = reverse<Audience>(AUDIENCE_LABELS);
const LEVEL_BY_LABEL = reverse(LEVEL_LABELS);
const ELEMENT_BY_LABEL = new Map(CORE_ELEMENT_KEYS.map((key) => [elementLabel(key), key as string]));

const splitList = (text: string) =>
  text
    .split(/[、,，;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);

const headerOf = (key: SheetColumnKey) => SHEET_COLUMNS.find((column) => column.key === key)!.header;

/** Problems with the header row, or none. */
export function headerProblems(header: readonly string[]): SheetProblem[] {
  return SHEET_HEADERS.flatMap((expected, index) =>
    (header[index] ?? '').trim() === expected
      ? []
      : [{ row: 1, column: expected, message: `第 ${index + 1} 列的表头应为「${expected}」，请使用导入模板` }],
  );
}

/**
 * Every data row as an entry input, or every problem of every row: the file is judged whole before
 * anything is written. Blank rows are skipped; a code may appear once.
 */
export function readSheetRows(
  rows: readonly SheetRow[],
  departments: readonly SheetDepartment[],
): { inputs: { rowNumber: number; input: EntryInput }[]; problems: SheetProblem[] } {
  const departmentByName = new Map(departments.map((d) => [d.name, d.id]));
  const problems: SheetProblem[] = [];
  const inputs: { rowNumber: number; input: EntryInput }[] = [];
  const seenCodes = new Map<string, number>();
  for (const { rowNumber, cells } of rows) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const cell = (key: SheetColumnKey) => (cells[SHEET_COLUMNS.findIndex((column) => column.key === key)] ?? '').trim();
    const rowProblems: SheetProblem[] = [];
    const problem = (key: SheetColumnKey, message: string) => rowProblems.push({ row: rowNumber, column: headerOf(key), message });

    const lookup = <T>(key: SheetColumnKey, map: Map<string, T>, what: string, options: string[]): T | undefined => {
      const value = cell(key);
      if (!value) return undefined;
      const found = map.get(value);
      if (found === undefined) problem(key, `${what}「${value}」无效，应为 ${options.join('/')} 之一`);
      return found;
    };
    const domain = lookup('domain', DOMAIN_BY_LABEL, '领域', DOMAINS.map((d) => DOMAIN_LABELS[d]));
    if (!cell('domain')) problem('domain', '请填写领域');
    const mode = lookup('mode', MODE_BY_LABEL, '公开方式', DISCLOSURE_MODES.map((m) => MODE_LABELS[m]));
    if (!cell('mode')) problem('mode', '请填写公开方式');
    const audience = lookup('audience', AUDIENCE_BY_LABEL, '公开对象', Object.values(AUDIENCE_LABELS));
    const level = lookup('level', LEVEL_BY_LABEL, '层级', Object.values(LEVEL_LABELS));
    const channels: Channel[] = [];
    for (const label of splitList(cell('channels'))) {
      const channel = CHANNEL_BY_LABEL.get(label);
      if (channel) channels.push(channel);
      else problem('channels', `公开渠道「${label}」无效，应为 ${CHANNELS.map((c) => CHANNEL_LABELS[c]).join('/')} 之一`);
    }
    // a label the core elements do not know names an entry-specific field (e.g. 三公经费表)
    const requiredElements = splitList(cell('requiredElements')).map((label) => ELEMENT_BY_LABEL.get(label) ?? `fields.${label}`);
    const departmentName = cell('department');
    const departmentId = departmentByName.get(departmentName);
    if (!departmentName) problem('department', '请填写责任部门');
    else if (departmentId === undefined) problem('department', `责任部门「${departmentName}」不在该区域的部门名录中`);

    const code = cell('code');
    const earlier = code ? seenCodes.get(code) : undefined;
    if (earlier !== undefined) problem('code', `编码 ${code} 与第 ${earlier} 行重复`);
    else if (code) seenCodes.set(code, rowNumber);

    const parsed = entryInputSchema.safeParse({
      code,
      name: cell('name'),
      domain: domain ?? 'other',
      category: cell('category'),
      basis: cell('basis'),
      content: cell('content'),
      requiredElements,
      departmentId: departmentId ?? 1,
      positionId: null,
      timeLimitText: cell('timeLimitText'),
      channels,
      audience: audience ?? 'public',
      mode: mode ?? 'proactive',
      withheldReason: cell('withheldReason') || null,
      level: level ?? 'county',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'code') as SheetColumnKey;
        const column = SHEET_COLUMNS.find((c) => c.key === key)?.header ?? headerOf('code');
        // one message per cell is enough to fix it
        if (!rowProblems.some((p) => p.column === column)) rowProblems.push({ row: rowNumber, column, message: issue.message });
      }
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (parsed.success) inputs.push({ rowNumber, input: parsed.data });
  }
  problems.sort((a, b) => a.row - b.row || SHEET_HEADERS.indexOf(a.column) - SHEET_HEADERS.indexOf(b.column));
  return { inputs, problems };
}

/** One entry as a row of text, the inverse of readSheetRows. */
export function entryToRow(entry: EntryValues, departmentName: string): string[] {
  const values: Record<SheetColumnKey, string> = {
    code: entry.code,
    name: entry.name,
    domain: DOMAIN_LABELS[entry.domain],
    category: entry.category,
    basis: entry.basis,
    content: entry.content,
    requiredElements: entry.requiredElements.map(elementLabel).join(LIST_SEPARATOR),
    department: departmentName,
    timeLimitText: entry.timeLimit.text,
    channels: entry.channels.map((channel) => CHANNEL_LABELS[channel]).join(LIST_SEPARATOR),
    audience: AUDIENCE_LABELS[entry.audience],
    mode: MODE_LABELS[entry.mode],
    withheldReason: entry.withheldReason ?? '',
    level: LEVEL_LABELS[entry.level],
  };
  return SHEET_COLUMNS.map((column) => values[column.key]);
}
