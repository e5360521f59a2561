// A monthly report built from Postgres: its figures, its workbook and its PDF name the month and the departments.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSql, sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { insertObligation } from '../scoring/store/test-fixtures';
import { buildReports } from './build-reports';
import type { ReportData } from './report-data';
import { reportPdf } from './report-pdf';

let world: IngestWorld;
let reportId: number;

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const base = { entryId: world.entries.monthly.id, departmentId: world.department.id, regionCode: world.regions.county.code };
  for (let i = 0; i < 5; i += 1) await insertObligation(sql, { ...base, dueDay: '2026-10-20', fulfilledAt: '2026-10-19T10:00:00' });
  await insertObligation(sql, { ...base, dueDay: '2026-10-30' });
  const [built] = await buildReports(sql, {
    regionCodes: [world.regions.county.code],
    period: '2026-10',
    at: new Date('2026-11-02T01:00:00+08:00'),
    actor: 'test',
  });
  reportId = built!.id;
}, 60_000);

afterAll(async () => {
  await closeSql();
});

describe('buildReports', () => {
  it('keeps the month’s figures, ranking and worst overdue items', async () => {
    const [row] = await sql<{ data: ReportData }[]>`select data from reports where id = ${reportId}`;
    const data = row!.data;
    expect(data.period).toBe('2026-10');
    expect(data.summary).toMatchObject({ obligationsDue: 6, onTime: 5, overdue: 1, departments: 2 });
    expect(data.ranking[0]).toMatchObject({ departmentName: world.department.name, rank: 1 });
    expect(data.ranking[0]!.total).toBeCloseTo(83.33, 2);
    expect(data.worstOverdue).toHaveLength(1);
  });

  it('writes a workbook that names the month and the departments', async () => {
    const [row] = await sql<{ xlsx: Buffer; pdf: Buffer }[]>`select xlsx, pdf from reports where id = ${reportId}`;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(row!.xlsx as never);
    const ranking = workbook.getWorksheet('部门排名')!;
    expect(String(ranking.getCell('A1').value)).toContain('2026年10月');
    const names = ranking.getColumn(2).values.map(String);
    expect(names).toContain(world.department.name);
    expect(names).toContain(world.otherDepartment.name);
    expect(row!.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('a report built without its PDF', () => {
  it('prints the PDF on its first download and keeps it', async () => {
    const [built] = await buildReports(sql, {
      regionCodes: [world.regions.county.code],
      period: '2026-09',
      at: new Date('2026-11-02T01:00:00+08:00'),
      actor: 'test',
      pdf: 'on_download',
    });
    const stored = async () => (await sql<{ pdf: Buffer | null; data: ReportData }[]>`select pdf, data from reports where id = ${built!.id}`)[0]!;
    const before = await stored();
    expect(before.pdf).toBeNull();
    const pdf = await reportPdf(sql, { id: built!.id, file: before.pdf, data: before.data });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await stored()).pdf).toEqual(pdf);
  }, 60_000);
});
