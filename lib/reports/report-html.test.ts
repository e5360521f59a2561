import { describe, expect, it } from 'vitest';
import type { ReportData } from './report-data';
import { renderReportHtml, reportTitle } from './report-html';

const data: ReportData = {
  region: { code: '320105', name: '南京市建邺区' },
  period: '2026-10',
  generatedAt: '2026-11-01T01:00:00.000Z',
  summary: {
    departments: 2,
    scoredDepartments: 1,
    averageScore: 83.33,
    obligationsDue: 6,
    onTime: 5,
    late: 0,
    overdue: 1,
    itemsPublished: 5,
    itemsIncomplete: 0,
    redAlerts: 0,
    complaints: 0,
    acceptInTimeRate: null,
    replyInTimeRate: null,
    satisfactionRate: null,
  },
  ranking: [
    { rank: 1, departmentId: 1, departmentName: '南京市建邺区财政局', regionName: '南京市建邺区', total: 83.33, previousTotal: null, timelinessRate: 5 / 6, completenessRate: null, redAlerts: 0 },
    { rank: 2, departmentId: 2, departmentName: '南京市建邺区教育局', regionName: '南京市建邺区', total: null, previousTotal: null, timelinessRate: null, completenessRate: null, redAlerts: 0 },
  ],
  worstOverdue: [
    { itemId: 9, title: '<script>alert(1)</script>预算公开', departmentName: '南京市建邺区财政局', dueAt: '2026-10-30T16:00:00.000Z', fulfilledAt: null, daysLate: 2 },
  ],
  complaintsByDepartment: [],
  disputesByDepartment: [{ departmentName: '南京市建邺区财政局', filed: 3, accepted: 1, rejected: 2 }],
  requests: { received: 12, replied: 10, repliedOnTime: 8, repliedLate: 2, overdue: 1 },
};

describe('renderReportHtml', () => {
  it('names the region and month, ranks with — for null totals, and escapes what departments wrote', () => {
    expect(reportTitle(data)).toBe('南京市建邺区2026年10月政务公开考核报告');
    const html = renderReportHtml(data);
    expect(html).toContain('<title>南京市建邺区2026年10月政务公开考核报告</title>');
    expect(html).toContain('<td>83.33</td>');
    expect(html).toContain('<td>南京市建邺区教育局</td><td>南京市建邺区</td><td>—</td>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;预算公开');
    expect(html).not.toContain('<script>');
    expect(html).toContain('2026-10-30 24:00');
    expect(html).toContain('本月没有投诉件');
  });

  it('counts disputes per department: 提出, 成立, 驳回', () => {
    const html = renderReportHtml(data);
    expect(html).toContain('五、申诉情况');
    expect(html).toContain('<td>南京市建邺区财政局</td><td>3</td><td>1</td><td>2</td>');
    expect(renderReportHtml({ ...data, disputesByDepartment: [] })).toContain('本月没有申诉');
  });
});

describe('renderReportHtml: 依申请公开', () => {
  it('shows the month’s requests received, replied on time and late, and overdue', () => {
    const html = renderReportHtml(data);
    expect(html).toContain('六、依申请公开情况');
    expect(html).toContain('收到申请<b>12</b>');
    expect(html).toContain('按时答复<b>8（80.0%）</b>');
    expect(html).toContain('逾期答复<b>2</b>');
    expect(html).toContain('超期未答复<b>1</b>');
  });

  it('leaves the section out of a report built before requests were recorded', () => {
    expect(renderReportHtml({ ...data, requests: null })).not.toContain('依申请公开');
  });
});
