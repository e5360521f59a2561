// What the annual report (《政府信息公开工作年度报告》) holds for one region's subtree and year: part 三, the
// request table. Plain data: its page, XLSX and PDF are all drawn from it. Built on demand and stored nowhere —
// the figures are a pure function of the requests, which stay.
import type { AnnualRequestTable } from './annual-request-table';

export interface AnnualReportData {
  region: { code: string; name: string };
  year: number;
  generatedAt: string;
  /** True while the year is still running: the table is as of generatedAt, and what is open is carried over. */
  isPartialYear: boolean;
  requests: AnnualRequestTable;
}

export const annualReportTitle = (data: Pick<AnnualReportData, 'region' | 'year'>) => `${data.region.name}${data.year}年政府信息公开工作年度报告`;

export const REQUEST_SECTION_TITLE = '三、收到和处理政府信息公开申请情况';

/** The template's note in the table's corner: the cross-check every column must satisfy. */
export const CROSS_CHECK_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** What a reader must know about how the platform's records were placed in the template (printed under the table). */
export function annualReportNotes(data: AnnualReportData, asOfLabel: string): string[] {
  const notes = [
    '数据来源：本平台登记的政府信息公开申请（网上申请以确认收到之日为收到申请之日）。办理结果按答复类型及答复时选定的情形归入模板各项；未选定情形的，按答复依据归入，“已主动公开”计入予以公开，“非本机关负责公开”计入本机关不掌握相关政府信息，“不属于政府信息公开申请”计入信访举报投诉类申请；逾期不补正视为放弃的计入其他处理第 1 项，申请人撤回计入其他处理“其他”。',
    '本平台不记录信息处理费，“申请人逾期未按收费通知要求缴纳费用”一项为 0。',
  ];
  if (data.requests.assumed.length > 0) {
    notes.push(`${data.requests.assumed.length} 件不予公开的答复，未选定情形且依据未写明模板所列情形，计入“其他法律行政法规禁止公开”。`);
  }
  if (data.isPartialYear) notes.push(`本年度尚未结束，数据截至 ${asOfLabel}（北京时间），尚未办结的申请计入“结转下年度继续办理”。`);
  return notes;
}
