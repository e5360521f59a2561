import { describe, expect, it } from 'vitest';
import { entryToRow, headerProblems, readSheetRows, SHEET_HEADERS } from './catalog-sheet';
import { entryValuesOf } from './entry-input';

const departments = [{ id: 7, name: '南京市建邺生态环境局' }];

const row = (overrides: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    编码: 'HB-001',
    事项名称: '建设项目环境影响评价审批结果',
    领域: '环境保护',
    类别: '环境保护 › 环评审批',
    公开依据: '《环境影响评价法》第二十二条',
    公开内容: '批复文件',
    必备要素: '索引号、发布机构、三公经费表',
    责任部门: '南京市建邺生态环境局',
    公开时限: '信息形成或变更之日起20个工作日内',
    公开渠道: '政府网站、政府信息公开平台',
    公开对象: '全社会',
    公开方式: '主动公开',
    不予公开理由: '',
    层级: '县级',
    ...overrides,
  };
  return SHEET_HEADERS.map((header) => values[header] ?? '');
};

describe('readSheetRows', () => {
  it('reads a row in the office’s words into an entry, and writes it back the same', () => {
    const { inputs, problems } = readSheetRows([{ rowNumber: 2, cells: row() }], departments);
    expect(problems).toEqual([]);
    expect(inputs[0]!.input).toMatchObject({
      code: 'HB-001',
      domain: 'environment',
      requiredElements: ['indexNo', 'publisher', 'fields.三公经费表'],
      departmentId: 7,
      channels: ['website', 'open_platform'],
      mode: 'proactive',
    });
    const values = entryValuesOf(inputs[0]!.input);
    expect(values.timeLimit).toMatchObject({ kind: 'working_days_after', n: 20 });
    expect(entryToRow(values, '南京市建邺生态环境局')).toEqual(row());
  });

  it('lists every problem of every row with its row and column, and skips blank rows', () => {
    const { inputs, problems } = readSheetRows(
      [
        { rowNumber: 2, cells: row() },
        { rowNumber: 3, cells: row({ 编码: 'HB-002', 领域: '交通运输', 公开渠道: '政府网站、抖音' }) },
        { rowNumber: 4, cells: SHEET_HEADERS.map(() => '') },
        { rowNumber: 5, cells: row({ 编码: 'HB-001', 公开方式: '不予公开', 责任部门: '不存在的局' }) },
      ],
      departments,
    );
    expect(problems).toEqual([
      { row: 3, column: '领域', message: expect.stringMatching(/^领域「交通运输」无效/) },
      { row: 3, column: '公开渠道', message: expect.stringMatching(/^公开渠道「抖音」无效/) },
      { row: 5, column: '编码', message: '编码 HB-001 与第 2 行重复' },
      { row: 5, column: '责任部门', message: '责任部门「不存在的局」不在该区域的部门名录中' },
      { row: 5, column: '不予公开理由', message: '不予公开的事项须写明理由' },
    ]);
    expect(inputs.map((i) => i.rowNumber)).toEqual([2]);
  });
});

describe('headerProblems', () => {
  it('names a column whose header is not the template’s', () => {
    const header = [...SHEET_HEADERS];
    header[8] = '时限';
    expect(headerProblems(header)).toEqual([{ row: 1, column: '公开时限', message: '第 9 列的表头应为「公开时限」，请使用导入模板' }]);
  });
});
