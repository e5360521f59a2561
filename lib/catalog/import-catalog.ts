// 目录导入 and 导出: the whole file is checked first (every bad row listed with row, column and reason);
// nothing is written unless every row is good, and then all rows in one transaction, each a new version
// only where it changes something — so importing the same file twice changes nothing.
import { isRegionInScope, type Scope } from '../auth/scope';
import type { Db, Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import { entryToRow, readSheetRows, type SheetProblem } from './catalog-sheet';
import { readCatalogWorkbook, writeCatalogWorkbook } from './catalog-workbook';
import { entryValuesOf } from './entry-input';
import { saveCatalogEntryIn, valuesOfRow } from './save-catalog-entry';

export type ImportResult =
  | { ok: true; created: number; revised: number; pending: number; unchanged: number }
  | Refusal<'not_found' | 'out_of_scope'>
  /** every problem of the file, in order (nothing was written) */
  | (Refusal<'invalid'> & { problems: SheetProblem[] });

const refuseFile = (message: string, problems: SheetProblem[]): ImportResult => ({ ...refuse('invalid', message), problems });

class RowRefused extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.message);
  }
}

async function regionFor(db: Db, scope: Scope, regionCode: string): Promise<{ ok: true } | Refusal<'not_found' | 'out_of_scope'>> {
  const [region] = await db<{ path: string }[]>`select path from regions where code = ${regionCode}`;
  if (!region) return refuse('not_found', `区域 ${regionCode} 不存在`);
  if (!isRegionInScope(scope, region.path)) return refuse('out_of_scope', '该区域不在您的管辖范围内');
  return { ok: true };
}

export async function importCatalog(sql: Sql, input: { scope: Scope; regionCode: string; data: Uint8Array; at: Date }): Promise<ImportResult> {
  const { scope, regionCode, at } = input;
  const region = await regionFor(sql, scope, regionCode);
  if (!region.ok) return region;
  const workbook = await readCatalogWorkbook(input.data);
  if (!workbook.ok) return refuseFile('文件无法导入', workbook.problems);
  const departments = await sql<{ id: number; name: string }[]>`select id, name from departments where region_code = ${regionCode}`;
  const { inputs, problems } = readSheetRows(workbook.rows, departments);
  if (problems.length > 0) {
    const rows = new Set(problems.map((p) => p.row)).size;
    return refuseFile(`有 ${rows} 行数据有误，未导入任何内容，请修改后重新导入`, problems);
  }
  if (inputs.length === 0) return refuseFile('文件中没有数据行', []);
  try {
    return await sql.begin(async (tx) => {
      const counts = { created: 0, revised: 0, pending: 0, unchanged: 0 };
      for (const { rowNumber, input: entry } of inputs) {
        // the sheet has no position column: a revision keeps the current version's responsible position
        const [current] = await tx<{ position_id: number | null; department_id: number }[]>`
          select position_id, department_id from catalog_entries where region_code = ${regionCode} and code = ${entry.code} and is_current`;
        const positionId = current && current.department_id === entry.departmentId ? current.position_id : null;
        const result = await saveCatalogEntryIn(tx, { scope, regionCode, values: entryValuesOf({ ...entry, positionId }), at });
        if (!result.ok) throw new RowRefused({ row: rowNumber, column: '编码', message: result.message });
        if (result.status === 'created') counts.created += 1;
        else if (result.status === 'revised') counts.revised += 1;
        else if (result.status === 'pending') counts.pending += 1;
        else counts.unchanged += 1;
      }
      return { ok: true as const, ...counts };
    });
  } catch (error) {
    if (error instanceof RowRefused) {
      return refuseFile('有 1 行数据无法导入，未导入任何内容', [error.problem]);
    }
    throw error;
  }
}

/** The region's current catalog in the import format, by code. */
export async function exportCatalog(
  db: Db,
  input: { scope: Scope; regionCode: string },
): Promise<{ ok: true; data: Buffer } | Refusal<'not_found' | 'out_of_scope'>> {
  const region = await regionFor(db, input.scope, input.regionCode);
  if (!region.ok) return region;
  const rows = await db<(Parameters<typeof valuesOfRow>[0] & { department_name: string })[]>`
    select c.*, r.path as region_path, d.name as department_name
    from catalog_entries c join regions r on r.code = c.region_code join departments d on d.id = c.department_id
    where c.region_code = ${input.regionCode} and c.is_current and c.retired_at is null
    order by c.code`;
  return { ok: true, data: await writeCatalogWorkbook(rows.map((row) => entryToRow(valuesOfRow(row), row.department_name))) };
}
