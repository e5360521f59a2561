// The annual report's request table from Postgres: requests filed and handled through the real workflow
// (fileRequest, actOnRequest with the day each step happened) for a county, the table gathered for its year,
// the workbook built and opened again with exceljs, its cells checked line by line, its PDF printed; and the
// monthly report's 依申请公开 figures.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOf, type Scope } from '../auth/scope';
import { closeSql, sql } from '../db/sql';
import { actOnRequest } from '../requests/act-on-request';
import { fileRequest } from '../requests/file-request';
import type { ApplicantType } from '../requests/request';
import { actionSchema, intakeSchema } from '../requests/schemas';
import { createRequestWorld, type RequestWorld } from '../requests/test-fixtures';
import { insertRequest } from '../scoring/store/test-fixtures';
import { renderAnnualReportHtml } from './annual-report-html';
import { buildAnnualReportXlsx, FIRST_FIGURE_COLUMN, REQUEST_SHEET } from './annual-report-xlsx';
import { TABLE_COLUMNS } from './annual-request-table';
import { buildReports } from './build-reports';
import { getAnnualReport } from './get-annual-report';
import { printPdf } from './print-pdf';
import type { ReportData } from './report-data';

let world: RequestWorld;
let staff: Scope;
const AT = new Date('2027-01-10T10:00:00+08:00');
const shanghai = (local: string) => new Date(`${local}+08:00`);

/** A letter registered by the county's supervisor, received on `receivedAt`; its steps follow, each `[now, body]`. */
async function letter(input: { applicant?: ApplicantType; departmentId?: number; receivedAt: string; steps?: [string, Record<string, unknown>][] }) {
  const filed = await fileRequest(
    sql,
    staff,
    intakeSchema.parse({
      channel: 'letter',
      applicant: { type: input.applicant ?? 'person', name: input.applicant && input.applicant !== 'person' ? '某某有限公司' : '王五', phone: '13812345678' },
      regionId: world.regions.county.code,
      departmentId: input.departmentId ?? world.department.id,
      description: '本县2026年度建设项目环境影响评价批复文件',
      receivedAt: `${input.receivedAt}+08:00`,
    }),
    shanghai(input.receivedAt),
  );
  if (!filed.ok) throw new Error(filed.message);
  for (const [now, body] of input.steps ?? []) {
    const done = await actOnRequest(sql, staff, filed.id, actionSchema.parse(body), shanghai(now));
    if (!done.ok) throw new Error(`${body.action}: ${done.message}`);
  }
  return filed.id;
}

const reply = (at: string, type: string, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  at,
  { action: 'reply', at: `${at}+08:00`, type, text: '答复如下', ...extra },
];

beforeAll(async () => {
  world = await createRequestWorld(sql);
  staff = scopeOf({ id: 1, username: 'sup-test', role: 'supervisor', regionCode: world.regions.county.code, regionPath: world.regions.county.path, departmentId: null });
  // 2026: 5 received — 2 disclosed (a person, a business told where it is published), a withheld on third-party
  // grounds (a law firm), one abandoned after 补正 (a research institute), one still open at the year's end (a person)
  await letter({ receivedAt: '2026-03-02T09:00:00', steps: [reply('2026-03-20T10:00:00', 'disclosed')] });
  await letter({ applicant: 'business', departmentId: world.otherDepartment.id, receivedAt: '2026-05-06T09:00:00', steps: [reply('2026-05-29T10:00:00', 'already_public')] });
  await letter({
    applicant: 'legal_service',
    receivedAt: '2026-07-01T09:00:00',
    steps: [reply('2026-07-28T10:00:00', 'withheld', { ground: 'third_party', basis: '《条例》第十五条，涉及商业秘密，第三方不同意公开' })],
  });
  await letter({
    applicant: 'research',
    receivedAt: '2026-09-01T09:00:00',
    steps: [
      ['2026-09-02T10:00:00', { action: 'request_correction', at: '2026-09-02T10:00:00+08:00', what: '请写明所需信息的文号或名称', periodWorkingDays: 10 }],
      ['2026-10-20T10:00:00', { action: 'close', note: '逾期未补正，视为放弃申请' }],
    ],
  });
  await letter({ receivedAt: '2026-12-28T09:00:00' });
  // 2025: one carried into 2026 and answered 信息不存在 then (a nonprofit), one finished in 2025 (nowhere)
  await letter({ applicant: 'nonprofit', receivedAt: '2025-12-22T09:00:00', steps: [reply('2026-01-15T10:00:00', 'not_exist')] });
  await letter({ receivedAt: '2025-11-03T09:00:00', steps: [reply('2025-11-25T10:00:00', 'disclosed')] });
  // another county's request is outside the table
  await insertRequest(sql, { regionCode: world.regions.otherCounty.code, departmentId: world.farDepartment.id, receivedAt: '2026-04-01T09:00:00', dueDay: '2026-04-29' });
});

afterAll(async () => {
  await closeSql();
});

const supervisor = () => staff;

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
