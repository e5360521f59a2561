import { describe, expect, it } from 'vitest';
import { completenessParamsSchema } from '../rules/rule';
import { requirementsReport, type RequirementsInput } from './requirements-report';

const department = { orgCode: '320105002', name: '南京市建邺区发展和改革局' };
const params = completenessParamsSchema.parse({});

function input(overrides: Partial<RequirementsInput['item']> = {}, entry: Partial<RequirementsInput['entry']> = {}): RequirementsInput {
  return {
    item: {
      indexNo: '320105002/2026-00040',
      docNo: '建发改投〔2026〕27号',
      publisher: department.name,
      summary: '项目可行性研究报告的批复',
      body: '正文',
      url: null,
      attachments: [],
      fields: { 三公经费表: '合计12万元' },
      formedAt: new Date('2026-05-07T11:25:00+08:00'),
      channels: ['website'],
      ...overrides,
    },
    entry: {
      requiredElements: ['indexNo', 'publisher', 'summary', 'body', 'docNo', 'fields.三公经费表'],
      channels: ['website', 'open_platform'],
      ...entry,
    },
    department,
    params,
  };
}

describe('requirementsReport', () => {
  it('marks every required element ✓ when the item has it, with its value', () => {
    const report = requirementsReport(input());
    expect(report.elements.map((e) => [e.label, e.status, e.isRequired])).toEqual([
      ['索引号', 'ok', true],
      ['发布机构', 'ok', true],
      ['内容概述', 'ok', true],
      ['正文', 'ok', true],
      ['文号', 'ok', true],
      ['三公经费表', 'ok', true],
    ]);
    expect(report.elements[5]!.value).toBe('合计12万元');
    expect(report.findings).toEqual([]);
  });

  it('shows what is missing or malformed, including a malformed element the entry does not require', () => {
    const report = requirementsReport(
      input({ body: '  ', indexNo: 'bad', url: 'not a url', fields: {} }, { requiredElements: ['indexNo', 'body', 'fields.三公经费表'] }),
    );
    expect(report.elements.map((e) => [e.key, e.status, e.isRequired])).toEqual([
      ['indexNo', 'malformed', true],
      ['body', 'missing', true],
      ['fields.三公经费表', 'missing', true],
      ['url', 'malformed', false],
    ]);
    expect(report.elements[1]!.messages).toEqual(['缺少正文']);
    expect(report.elements[1]!.value).toBeNull();
  });

  it('shortens long values and lists attachments by name', () => {
    const report = requirementsReport(
      input({ body: '字'.repeat(100), attachments: [{ name: '预算表.pdf', url: 'https://example.gov.cn/a.pdf' }] }, {
        requiredElements: ['body', 'attachments'],
      }),
    );
    expect(report.elements[0]!.value).toBe(`${'字'.repeat(60)}…`);
    expect(report.elements[1]!.value).toBe('1 个附件：预算表.pdf');
  });

  it('holds published channels against required ones', () => {
    const report = requirementsReport(input({ channels: ['website', 'wechat'] }));
    expect(report.channels).toEqual([
      { channel: 'website', label: '政府网站', isRequired: true, isPublished: true },
      { channel: 'open_platform', label: '政府信息公开平台', isRequired: true, isPublished: false },
      { channel: 'wechat', label: '政务微信', isRequired: false, isPublished: true },
    ]);
    expect(report.missingChannels).toEqual(['open_platform']);
  });
});
