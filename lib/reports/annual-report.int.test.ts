// The annual report's request table from Postgres: requests written for a county, the table gathered for its
// year, the workbook built and opened again with exceljs, its cells checked line by line; and the monthly
// report's 依申请公开 figures.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf } from '../auth/scope';
import { closeSql, sql } from '../db/sql';
import { createIngestWorld, type IngestWorld } from '../items/test-fixtures';
import { insertRequest } from '../scoring/store/test-fixtures';
import { renderAnnualReportHtml } from './annual-report-html';
import { buildAnnualReportXlsx, FIRST_FIGURE_COLUMN, REQUEST_SHEET } from './annual-report-xlsx';
import { TABLE_COLUMNS } from './annual-request-table';
import { buildReports } from './build-reports';
import { getAnnualReport } from './get-annual-report';
import { printPdf } from './print-pdf';
import type { ReportData } from './report-data';

let world: IngestWorld;
const AT = new Date('2027-01-10T10:00:00+08:00');

beforeAll(async () => {
  world = await createIngestWorld(sql);
  const county = { regionCode: world.regions.county.code, departmentId: world.department.id };
  const other = { regionCode: world.regions.county.code, departmentId: world.otherDepartment.id };
  // 2026: 5 received — 2 disclosed (a person, a business), a withheld on third-party grounds (a law firm), one
  // abandoned after 补正 (a research institute), one still open at the year's end (a person)
  await insertRequest(sql, { ...county, receivedAt: '2026-03-02T09:00:00', dueDay: '2026-03-30', repliedAt: '2026-03-20T10:00:00' });
  await insertRequest(sql, { ...other, applicantType: 'business', receivedAt: '2026-05-06T09:00:00', dueDay: '2026-06-03', repliedAt: '2026-05-29T10:00:00', replyType: 'already_public' });
  await insertRequest(sql, {
    ...county,
    applicantType: 'legal_service',
    receivedAt: '2026-07-01T09:00:00',
    dueDay: '2026-07-29',
    repliedAt: '2026-07-28T10:00:00',
    replyType: 'withheld',
    replyGround: 'third_party',
    replyBasis: '《条例》第十五条，涉及商业秘密',
  });
  await insertRequest(sql, { ...county, applicantType: 'research', receivedAt: '2026-09-01T09:00:00', dueDay: '2026-09-29', ended: { state: 'abandoned', at: '2026-10-10T00:00:00' } });
  await insertRequest(sql, { ...county, receivedAt: '2026-12-28T09:00:00', dueDay: '2027-01-26' });
  // 2025: one carried into 2026 and answered 信息不存在 then (a nonprofit), one finished in 2025 (nowhere)
  await insertRequest(sql, { ...county, applicantType: 'nonprofit', receivedAt: '2025-12-22T09:00:00', dueDay: '2026-01-20', repliedAt: '2026-01-15T10:00:00', replyType: 'not_exist' });
  await insertRequest(sql, { ...county, receivedAt: '2025-11-03T09:00:00', dueDay: '2025-12-01', repliedAt: '2025-11-25T10:00:00' });
  // another county's request is outside the table
  await insertRequest(sql, { regionCode: world.regions.otherCounty.code, departmentId: world.farDepartment.id, receivedAt: '2026-04-01T09:00:00', dueDay: '2026-04-29' });
});

afterAll(async () => {
  await closeSql();
});

const supervisor = () =>
  scopeOf({ id: 1, username: 'sup-test', role: 'supervisor', regionCode: world.regions.county.code, regionPath: world.regions.county.path, departmentId: null });

/** The figures of the line whose label is `label`, by column: 自然人 … 其他, 总计. */
function line(sheet: ExcelJS.Worksheet, label: string): Record<string, unknown> {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no line ${label}`);
  return Object.fromEntries(TABLE_COLUMNS.map((column, i) => [column, found!.getCell(FIRST_FIGURE_COLUMN + i).value]));
}

describe('the annual report’s request table', () => {
  it('is written to a workbook whose cells follow the template', async () => {
    const report = await getAnnualReport(sql, supervisor(), { regionCode: world.regions.county.code, year: 2026, at: AT });
    if (!report.ok) throw new Error(report.message);
    expect(report.data.isPartialYear).toBe(false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildAnnualReportXlsx(report.data)) as never);
    const sheet = workbook.getWorksheet(REQUEST_SHEET)!;
    expect(String(sheet.getCell('A1').value)).toContain('2026年政府信息公开工作年度报告 · 三、收到和处理政府信息公开申请情况');
    expect(sheet.getCell('A3').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(sheet.getCell(4, FIRST_FIGURE_COLUMN + 1).value).toBe('法人或其他组织');
    expect(sheet.getCell(5, FIRST_FIGURE_COLUMN + 4).value).toBe('法律服务机构');

    const zero = { person: 0, business: 0, research: 0, nonprofit: 0, legal_service: 0, other: 0, total: 0 };
    expect(line(sheet, '一、本年新收政府信息公开申请数量')).toEqual({ ...zero, person: 2, business: 1, research: 1, legal_service: 1, total: 5 });
    expect(line(sheet, '二、上年结转政府信息公开申请数量')).toEqual({ ...zero, nonprofit: 1, total: 1 });
    expect(line(sheet, '（一）予以公开')).toEqual({ ...zero, person: 1, business: 1, total: 2 });
    expect(line(sheet, '（三）不予公开')).toEqual({ ...zero, legal_service: 1, total: 1 });
    expect(line(sheet, '4.保护第三方合法权益')).toEqual({ ...zero, legal_service: 1, total: 1 });
    expect(line(sheet, '1.本机关不掌握相关政府信息')).toEqual({ ...zero, nonprofit: 1, total: 1 });
    expect(line(sheet, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toEqual({ ...zero, research: 1, total: 1 });
    expect(line(sheet, '（七）总计')).toEqual({ ...zero, person: 1, business: 1, research: 1, nonprofit: 1, legal_service: 1, total: 5 });
    expect(line(sheet, '四、结转下年度继续办理')).toEqual({ ...zero, person: 1, total: 1 });
    // the heading 三 carries no figures
    expect(Object.values(line(sheet, '三、本年度办理结果')).every((v) => v === null)).toBe(true);

    const [pdf] = await printPdf([renderAnnualReportHtml(report.data)]);
    expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('counts a running year up to now and says so; refuses a year to come and a region outside the scope', async () => {
    const running = await getAnnualReport(sql, supervisor(), { regionCode: world.regions.county.code, year: 2026, at: new Date('2026-09-15T10:00:00+08:00') });
    if (!running.ok) throw new Error(running.message);
    expect(running.data.isPartialYear).toBe(true);
    // by 15 September: 4 received, the research institute's still open
    expect(running.data.requests.cells.received.total).toBe(4);
    expect(running.data.requests.cells.carriedOut.total).toBe(1);
    const future = await getAnnualReport(sql, supervisor(), { regionCode: world.regions.county.code, year: 2027, at: AT });
    expect(future).toMatchObject({ ok: true });
    const later = await getAnnualReport(sql, supervisor(), { regionCode: world.regions.county.code, year: 2028, at: AT });
    expect(later).toMatchObject({ ok: false, refusal: 'invalid', fields: { year: expect.stringContaining('年度') } });
    const outside = await getAnnualReport(sql, supervisor(), { regionCode: world.regions.otherCounty.code, year: 2026, at: AT });
    expect(outside).toMatchObject({ ok: false, refusal: 'out_of_scope' });
  });
});

describe('the monthly report’s 依申请公开 figures', () => {
  it('counts the month’s requests received, replied on time and late, and overdue at its end', async () => {
    const county = { regionCode: world.regions.county.code, departmentId: world.department.id };
    // November 2026: one received and answered late, one due in November and still unanswered at its end
    await insertRequest(sql, { ...county, receivedAt: '2026-11-02T09:00:00', dueDay: '2026-11-30', repliedAt: '2026-12-03T10:00:00' });
    await insertRequest(sql, { ...county, receivedAt: '2026-10-28T09:00:00', dueDay: '2026-11-25', repliedAt: '2026-11-24T10:00:00' });
    await insertRequest(sql, { ...county, receivedAt: '2026-10-26T09:00:00', dueDay: '2026-11-23' });
    const [built] = await buildReports(sql, { regionCodes: [world.regions.county.code], period: '2026-11', at: AT, actor: 'test', pdf: 'on_download' });
    const [row] = await sql<{ data: ReportData; xlsx: Buffer }[]>`select data, xlsx from reports where id = ${built!.id}`;
    expect(row!.data.requests).toEqual({ received: 1, replied: 1, repliedOnTime: 1, repliedLate: 0, overdue: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(row!.xlsx as never);
    expect(workbook.getWorksheet('依申请公开')!.getCell('B3').value).toBe(1);
  });
});
