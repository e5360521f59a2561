import { describe, expect, it } from 'vitest';
import { elementLabel, evaluateCompleteness, isHttpUrl, type CompletenessInput, type Finding } from './evaluate-completeness';
import { parseRuleParams } from './rule';

const department = { orgCode: '000014349', name: '南京市建邺区财政局' };

// A complete budget item: every core element present and well-formed.
const completeItem = (): CompletenessInput['item'] => ({
  indexNo: '000014349/2026-00222',
  docNo: '建财发〔2026〕3号',
  publisher: '南京市建邺区财政局',
  summary: '建邺区财政局2026年部门预算',
  body: '根据《中华人民共和国预算法》……',
  url: 'https://www.njjy.gov.cn/zwgk/2026/03/budget.html',
  attachments: [{ name: '2026年部门预算表.xlsx', url: 'https://www.njjy.gov.cn/files/budget.xlsx' }],
  fields: { 三公经费表: '因公出国（境）费 0 万元，公务接待费 1.2 万元', 政府采购表: '见附件' },
  formedAt: new Date('2026-03-10T09:00:00+08:00'),
});

const ALL = ['indexNo', 'docNo', 'publisher', 'summary', 'body', 'attachments', 'fields.三公经费表', 'fields.政府采购表'];

const evaluate = (
  item: Partial<CompletenessInput['item']> = {},
  requiredElements: string[] = ALL,
  params: unknown = {},
): Finding[] =>
  evaluateCompleteness({
    item: { ...completeItem(), ...item },
    entry: { requiredElements },
    department,
    params: parseRuleParams('completeness', params),
  });

const messages = (findings: Finding[]) => findings.map((f) => f.message);

describe('evaluateCompleteness: required elements', () => {
  it('finds nothing in a complete item', () => {
    expect(evaluate()).toEqual([]);
  });

  it('names each missing core element in zh-CN', () => {
    const findings = evaluate({
      indexNo: undefined,
      docNo: null,
      publisher: undefined,
      summary: undefined,
      body: undefined,
      attachments: [],
    });
    expect(findings).toEqual([
      { element: 'indexNo', problem: 'missing', message: '缺少索引号' },
      { element: 'docNo', problem: 'missing', message: '缺少文号' },
      { element: 'publisher', problem: 'missing', message: '缺少发布机构' },
      { element: 'summary', problem: 'missing', message: '缺少内容概述' },
      { element: 'body', problem: 'missing', message: '缺少正文' },
      { element: 'attachments', problem: 'missing', message: '缺少附件' },
    ]);
  });

  it('counts whitespace only as missing', () => {
    expect(messages(evaluate({ body: ' \n\t　', docNo: '  ' }))).toEqual(['缺少文号', '缺少正文']);
  });

  it('does not ask for elements the entry does not require', () => {
    expect(evaluate({ docNo: undefined, attachments: [], summary: undefined, fields: {} }, ['indexNo', 'body'])).toEqual([]);
  });

  it('counts attachments with neither name nor link as none', () => {
    expect(messages(evaluate({ attachments: [{ name: ' ', url: '' }] }))).toEqual(['缺少附件']);
  });

  it('ignores keys outside the element vocabulary and duplicate keys', () => {
    expect(evaluate({}, ['indexNo', 'indexNo', 'title', 'fields.'])).toEqual([]);
    expect(messages(evaluate({ indexNo: undefined }, ['indexNo', 'indexNo']))).toEqual(['缺少索引号']);
  });
});

describe('evaluateCompleteness: 索引号', () => {
  it('accepts <orgCode>/<YYYY>-<5 digits>, trimmed', () => {
    expect(evaluate({ indexNo: ' 000014349/2026-00001 ' })).toEqual([]);
  });

  const malformed = [
    '000014349/26-00222',
    '000014349/2026-0222',
    '000014349-2026-00222',
    '000014349／2026-00222',
    '000014349/2026-00222号',
    '00001434/2026-00222',
  ];
  it.each(malformed)('refuses the malformed %s', (indexNo) => {
    expect(evaluate({ indexNo })).toEqual([
      {
        element: 'indexNo',
        problem: 'malformed',
        message: '索引号格式应为 000014349/2026-00001（组织机构代码/年份-5位流水号）',
      },
    ]);
  });

  it('requires the publishing department’s own organisation code', () => {
    expect(evaluate({ indexNo: '11320105MB1234567/2026-00222' })[0]?.problem).toBe('malformed');
    expect(messages(evaluate({ indexNo: '000014350/2026-00222' }))).toEqual([
      '索引号前段应为本部门组织机构代码 000014349（当前为 000014350）',
    ]);
  });

  it('accepts the year after formation but not a later one', () => {
    expect(evaluate({ indexNo: '000014349/2027-00001' })).toEqual([]);
    expect(evaluate({ indexNo: '000014349/2018-00001' })).toEqual([]);
    expect(messages(evaluate({ indexNo: '000014349/2028-00001' }))).toEqual(['索引号年份 2028 晚于信息形成年份 2026']);
  });

  it('takes the year of formation in Asia/Shanghai', () => {
    // 2026-12-31T17:00Z is 2027-01-01 01:00 in Shanghai
    expect(evaluate({ indexNo: '000014349/2028-00001', formedAt: new Date('2026-12-31T17:00:00Z') })).toEqual([]);
  });

  it('checks the format even when the entry does not require an index number', () => {
    expect(evaluate({ indexNo: 'abc' }, [])[0]).toMatchObject({ element: 'indexNo', problem: 'malformed' });
  });

  it('skips the format when the rule says so, but still asks for a required one', () => {
    expect(evaluate({ indexNo: 'abc' }, ALL, { checkIndexNoFormat: false })).toEqual([]);
    expect(messages(evaluate({ indexNo: '' }, ALL, { checkIndexNoFormat: false }))).toEqual(['缺少索引号']);
  });
});

describe('evaluateCompleteness: 发布机构, 内容概述, links', () => {
  it('requires the publisher’s full name', () => {
    expect(evaluate({ publisher: '建邺区财政局' })).toEqual([
      { element: 'publisher', problem: 'malformed', message: '发布机构应为全称“南京市建邺区财政局”' },
    ]);
    expect(evaluate({ publisher: ' 南京市建邺区财政局 ' })).toEqual([]);
    expect(evaluate({ publisher: '建邺区财政局' }, ALL, { requirePublisherFullName: false })).toEqual([]);
  });

  it('limits the summary to 100 characters, counted as code points', () => {
    expect(evaluate({ summary: '预'.repeat(100) })).toEqual([]);
    expect(evaluate({ summary: '预'.repeat(123) })).toEqual([
      { element: 'summary', problem: 'too_long', message: '内容概述超过100字（当前 123 字）' },
    ]);
    // 𠀀 (U+20000) is one character but two UTF-16 units
    expect(evaluate({ summary: '𠀀'.repeat(100) })).toEqual([]);
    expect(messages(evaluate({ summary: '𠀀'.repeat(101) }))).toEqual(['内容概述超过100字（当前 101 字）']);
  });

  it('takes the summary limit from the rule', () => {
    expect(messages(evaluate({ summary: '预'.repeat(60) }, ALL, { maxSummaryLength: 50 }))).toEqual([
      '内容概述超过50字（当前 60 字）',
    ]);
  });

  it('checks the item’s link when present', () => {
    expect(evaluate({ url: undefined })).toEqual([]);
    expect(evaluate({ url: '  ' })).toEqual([]);
    expect(evaluate({ url: 'www.njjy.gov.cn/a.html' })).toEqual([
      { element: 'url', problem: 'malformed', message: '链接地址应为完整的 http(s) 网址' },
    ]);
  });

  it('checks every attachment’s name and link', () => {
    const findings = evaluate({
      attachments: [
        { name: '预算表.xlsx', url: 'ftp://files/a.xlsx' },
        { name: '', url: 'https://www.njjy.gov.cn/b.pdf' },
        { name: '说明.pdf', url: 'https://www.njjy.gov.cn/c.pdf' },
      ],
    });
    expect(findings).toEqual([
      { element: 'attachments', problem: 'malformed', message: '附件“预算表.xlsx”的链接地址应为完整的 http(s) 网址' },
      { element: 'attachments', problem: 'missing', message: '第 2 个附件缺少名称' },
    ]);
  });
});

describe('evaluateCompleteness: entry fields (budget tables)', () => {
  it('names a missing required table by its own name', () => {
    expect(evaluate({ fields: { 政府采购表: '见附件' } })).toEqual([
      { element: 'fields.三公经费表', problem: 'missing', message: '缺少三公经费表' },
    ]);
  });

  it.each(['', '  ', '无', '空表', '无。', ' 空表 ', '暂无', '/', '—'])('asks why the table %j is empty', (value) => {
    expect(evaluate({ fields: { 三公经费表: value, 政府采购表: '见附件' } })).toEqual([
      { element: 'fields.三公经费表', problem: 'missing', message: '三公经费表为空表时应说明原因' },
    ]);
  });

  it('accepts an empty table with its explanation', () => {
    expect(evaluate({ fields: { 三公经费表: '无，本单位2026年无三公经费预算安排', 政府采购表: '空表：本年度无政府采购预算' } })).toEqual(
      [],
    );
  });

  it('does not look at fields the entry does not require', () => {
    expect(evaluate({ fields: { 三公经费表: 'x', 政府采购表: 'y', 备注: '' } })).toEqual([]);
  });
});

describe('evaluateCompleteness: order', () => {
  it('lists core elements first in a fixed order, then fields in the entry’s order', () => {
    const findings = evaluate(
      { summary: '预'.repeat(101), indexNo: undefined, fields: {}, url: 'nope', publisher: '财政局' },
      ['fields.政府采购表', 'summary', 'fields.三公经费表', 'indexNo'],
    );
    expect(findings.map((f) => f.element)).toEqual([
      'indexNo',
      'publisher',
      'summary',
      'url',
      'fields.政府采购表',
      'fields.三公经费表',
    ]);
  });
});

describe('elementLabel and isHttpUrl', () => {
  it('names elements in zh-CN', () => {
    expect(['indexNo', 'docNo', 'publisher', 'summary', 'body', 'attachments', 'fields.三公经费表'].map(elementLabel)).toEqual([
      '索引号',
      '文号',
      '发布机构',
      '内容概述',
      '正文',
      '附件',
      '三公经费表',
    ]);
    expect(elementLabel('toString')).toBe('toString');
  });

  it('accepts only complete http(s) addresses', () => {
    expect(isHttpUrl('http://www.gov.cn/')).toBe(true);
    expect(isHttpUrl('https://www.njjy.gov.cn:8443/a?b=1#c')).toBe(true);
    expect(isHttpUrl('HTTPS://WWW.GOV.CN')).toBe(true);
    for (const bad of ['http:www.gov.cn', 'http://', 'https:///a', 'javascript:alert(1)', '/zwgk/a.html', 'https://www.gov.cn/a b']) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});
