import { describe, expect, it } from 'vitest';
import type { AnnualReportData } from './annual-report-data';
import { renderAnnualReportHtml } from './annual-report-html';
import { annualRequestTable, type AnnualRequestFact } from './annual-request-table';

const at = (local: string) => new Date(`${local}+08:00`);
const facts: AnnualRequestFact[] = [
  { id: 1, applicantType: 'person', receivedAt: at('2026-03-02T09:00:00'), reply: { type: 'disclosed', basis: null, ground: null, at: at('2026-03-20T10:00:00') }, endedWithoutReply: null },
  { id: 2, applicantType: 'business', receivedAt: at('2026-04-01T09:00:00'), reply: { type: 'withheld', basis: '不宜公开', ground: null, at: at('2026-04-20T10:00:00') }, endedWithoutReply: null },
  { id: 3, applicantType: 'person', receivedAt: at('2026-11-20T09:00:00'), reply: null, endedWithoutReply: null },
];

function report(asOf: Date, isPartialYear: boolean): AnnualReportData {
  return {
    region: { code: '320105', name: '南京市建邺区<测试>' },
    year: 2026,
    generatedAt: asOf.toISOString(),
    isPartialYear,
    requests: annualRequestTable(facts, { year: 2026, asOf }),
  };
}

describe('renderAnnualReportHtml', () => {
  it('lays the table out like the template: the cross-check note, 申请人情况 across, every line with its figures', () => {
    const html = renderAnnualReportHtml(report(at('2027-01-10T09:00:00'), false));
    expect(html).toContain('<title>南京市建邺区&lt;测试&gt;2026年政府信息公开工作年度报告</title>');
    expect(html).toContain('三、收到和处理政府信息公开申请情况');
    expect(html).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    // 自然人 2, 商业企业 1, … 总计 3
    expect(html).toContain(
      '<tr data-row="received"><td class="label level-0">一、本年新收政府信息公开申请数量</td><td class="n">2</td><td class="n">1</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="n">3</td></tr>',
    );
    expect(html).toContain('<tr data-row="results"><td class="label level-0">三、本年度办理结果</td><td colspan="7"></td></tr>');
    expect(html).toMatch(/data-row="carriedOut">.*<td class="n">1<\/td><\/tr>/);
    // the 不予公开 without a recognised ground is named in a note
    expect(html).toContain('1 件不予公开的答复，未选定情形且依据未写明模板所列情形');
    expect(html).not.toContain('本年度尚未结束');
  });

  it('says when the year is still running and as of when it is counted', () => {
    const html = renderAnnualReportHtml(report(at('2026-12-07T10:00:00'), true));
    expect(html).toContain('本年度尚未结束，数据截至 2026-12-07 10:00（北京时间）');
  });
});
