// GET /api/v1/reports/annual/:file end to end (without HTTP): the workbook of a county's year as a download with
// its Chinese file name, the page, and zh-CN refusals for a bad year, a region outside the scope, a wrong role.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../../../lib/db/sql';
import { createIngestWorld, type IngestWorld } from '../../../../../../lib/items/test-fixtures';
import { insertRequest } from '../../../../../../lib/scoring/store/test-fixtures';
import { GET } from './route';

let world: IngestWorld;

const get = (file: string, query: string, cookie: string) =>
  GET(new Request(`http://127.0.0.1:3000/api/v1/reports/annual/${file}?${query}`, { headers: { cookie } }), { params: Promise.resolve({ file }) });

beforeAll(async () => {
  world = await createIngestWorld(sql);
  await insertRequest(sql, {
    departmentId: world.department.id,
    regionCode: world.regions.county.code,
    applicantType: 'business',
    receivedAt: '2026-03-02T09:00:00',
    dueDay: '2026-03-30',
    repliedAt: '2026-03-20T10:00:00',
  });
});

describe('GET /api/v1/reports/annual/:file', () => {
  it('downloads a county’s year as a workbook named in Chinese, and shows its page', async () => {
    const county = world.regions.county.code;
    const response = await get('xlsx', `regionId=${county}&year=2026`, world.cookies.leader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toContain(`filename="annual-report-${county}-2026.xlsx"`);
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('2026年政府信息公开工作年度报告.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('收到和处理申请情况')!;
    // 一、本年新收: the business column (second) and 总计
    expect(sheet.getCell('A6').value).toBe('一、本年新收政府信息公开申请数量');
    expect(sheet.getCell('C6').value).toBe(1);
    expect(sheet.getCell('H6').value).toBe(1);

    const page = await get('html', `regionId=${county}&year=2026`, world.cookies.leader);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('三、收到和处理政府信息公开申请情况');
  });

  it('refuses a malformed or coming year, a region outside the scope and a role without reports, in zh-CN', async () => {
    const county = world.regions.county.code;
    const malformed = await get('xlsx', `regionId=${county}&year=abc`, world.cookies.leader);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.fields.year).toBeTruthy();
    const coming = await get('xlsx', `regionId=${county}&year=2999`, world.cookies.leader);
    expect(coming.status).toBe(400);
    expect((await coming.json()).error.fields.year).toMatch(/年度应在 2008 至 \d{4} 年之间/);
    const outside = await get('xlsx', `regionId=${world.regions.otherCounty.code}&year=2026`, world.cookies.leader);
    expect(outside.status).toBe(403);
    expect((await outside.json()).error.message).toBe('该区域不在您的管辖范围内');
    expect((await get('xlsx', `regionId=${county}&year=2026`, world.cookies.dept)).status).toBe(403);
    expect((await get('docx', `regionId=${county}&year=2026`, world.cookies.leader)).status).toBe(404);
  });
});
