// 《政府信息公开工作年度报告》 part 三, 收到和处理政府信息公开申请情况: the table of the national template
// (国务院办公厅政府信息与政务公开办公室, 国办公开办函〔2021〕30号), computed from a year's request facts. Pure: the
// facts are read by list-annual-request-facts.ts, the moment the table is drawn (`asOf`) comes in as an argument.
//
// The template's cross-check (勾稽关系) holds by construction: 一 + 二 = 三(七) + 四. A request counts in 一 in the
// year it was received (Art. 31: for an online application, the day the office confirmed it), in 二 when
// received before the year and without an outcome when the year began, in 三 in the year of its outcome (the
// reply, or the day it was abandoned or withdrawn), and in 四 when it had no outcome when the year ended. An
// online application never confirmed was never received and counts nowhere.
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType, type ReplyGround, type ReplyType } from '../requests/request';

/** The applicant columns: 自然人, then the five kinds of 法人或其他组织 (the request's applicant type), then 总计. */
export type TableColumn = ApplicantType | 'total';
export const TABLE_COLUMNS: readonly TableColumn[] = [...APPLICANT_TYPES, 'total'];
export const APPLICANT_COLUMN_LABELS: Record<TableColumn, string> = { ...APPLICANT_TYPE_LABELS, total: '总计' };

/** The template's rows, in its order; `level` is the indent (一 … 四, （一）…（七）, 1. …). */
export const REQUEST_TABLE_ROWS = [
  { key: 'received', level: 0, label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedIn', level: 0, label: '二、上年结转政府信息公开申请数量' },
  { key: 'results', level: 0, label: '三、本年度办理结果' },
  { key: 'disclosed', level: 1, label: '（一）予以公开' },
  { key: 'partlyDisclosed', level: 1, label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'withheld', level: 1, label: '（三）不予公开' },
  { key: 'withheldStateSecret', level: 2, label: '1.属于国家秘密' },
  { key: 'withheldByLaw', level: 2, label: '2.其他法律行政法规禁止公开' },
  { key: 'withheldSafety', level: 2, label: '3.危及“三安全一稳定”' },
  { key: 'withheldThirdParty', level: 2, label: '4.保护第三方合法权益' },
  { key: 'withheldInternal', level: 2, label: '5.属于三类内部事务信息' },
  { key: 'withheldProcess', level: 2, label: '6.属于四类过程性信息' },
  { key: 'withheldEnforcement', level: 2, label: '7.属于行政执法案卷' },
  { key: 'withheldQuery', level: 2, label: '8.属于行政查询事项' },
  { key: 'unavailable', level: 1, label: '（四）无法提供' },
  { key: 'notHeld', level: 2, label: '1.本机关不掌握相关政府信息' },
  { key: 'needsCreating', level: 2, label: '2.没有现成信息需要另行制作' },
  { key: 'stillUnclear', level: 2, label: '3.补正后申请内容仍不明确' },
  { key: 'notHandled', level: 1, label: '（五）不予处理' },
  { key: 'petition', level: 2, label: '1.信访举报投诉类申请' },
  { key: 'repeated', level: 2, label: '2.重复申请' },
  { key: 'publication', level: 2, label: '3.要求提供公开出版物' },
  { key: 'excessive', level: 2, label: '4.无正当理由大量反复申请' },
  { key: 'confirmation', level: 2, label: '5.要求行政机关确认或重新出具已获取信息' },
  { key: 'otherHandling', level: 1, label: '（六）其他处理' },
  { key: 'noCorrection', level: 2, label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'feeUnpaid', level: 2, label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'otherOutcome', level: 2, label: '3.其他' },
  { key: 'resultsTotal', level: 1, label: '（七）总计' },
  { key: 'carriedOut', level: 0, label: '四、结转下年度继续办理' },
] as const;
export type RequestTableRow = (typeof REQUEST_TABLE_ROWS)[number]['key'];

/** 三、本年度办理结果 is a heading: it has no figures of its own. */
export const HEADING_ROWS: readonly RequestTableRow[] = ['results'];

/** An outcome's own row: a leaf of 三; the subtotals and 总计 are sums of these. */
export type OutcomeRow =
  | 'disclosed'
  | 'partlyDisclosed'
  | 'withheldStateSecret'
  | 'withheldByLaw'
  | 'withheldSafety'
  | 'withheldThirdParty'
  | 'withheldInternal'
  | 'withheldProcess'
  | 'withheldEnforcement'
  | 'withheldQuery'
  | 'notHeld'
  | 'needsCreating'
  | 'stillUnclear'
  | 'petition'
  | 'repeated'
  | 'publication'
  | 'excessive'
  | 'confirmation'
  | 'noCorrection'
  | 'feeUnpaid'
  | 'otherOutcome';

const SUBTOTALS: Partial<Record<RequestTableRow, readonly OutcomeRow[]>> = {
  withheld: ['withheldStateSecret', 'withheldByLaw', 'withheldSafety', 'withheldThirdParty', 'withheldInternal', 'withheldProcess', 'withheldEnforcement', 'withheldQuery'],
  unavailable: ['notHeld', 'needsCreating', 'stillUnclear'],
  notHandled: ['petition', 'repeated', 'publication', 'excessive', 'confirmation'],
  otherHandling: ['noCorrection', 'feeUnpaid', 'otherOutcome'],
};

export interface AnnualRequestFact {
  id: number;
  applicantType: ApplicantType;
  /** When the office received it (Art. 31); null for an online application never confirmed. */
  receivedAt: Date | null;
  /** ground: the template sub-row the office chose on replying, when it did; basis: the legal basis it wrote. */
  reply: { type: ReplyType; ground: ReplyGround | null; basis: string | null; at: Date } | null;
  /** Ended without a reply: 视为放弃 after a 补正 not answered in time, or withdrawn by the applicant. */
  endedWithoutReply: { kind: 'abandoned' | 'withdrawn'; at: Date } | null;
}

export interface AnnualRequestTable {
  year: number;
  /** Figures are as of this moment: the year's end once it is over, otherwise when the table was drawn. */
  asOf: string;
  cells: Record<RequestTableRow, Record<TableColumn, number>>;
  /**
   * Outcomes the request's facts do not place in one sub-row for certain: a 不予公开 with no ground chosen and a
   * basis naming none the template lists goes to 2.其他法律行政法规禁止公开 (the residual ground of Art. 14). The
   * report says how many.
   */
  assumed: { id: number; row: OutcomeRow }[];
}

// The office's choice of sub-row on replying (the reply's ground), honoured where it is a sub-row of the reply
// type's own section: a 不予公开 counts under a ground of (三), a 信息不存在 / 非本机关负责 under (四), a 不属于申请 under
// (四)3 or (五).
const GROUND_ROWS: Record<ReplyGround, OutcomeRow | null> = {
  state_secret: 'withheldStateSecret',
  prohibited_by_law: 'withheldByLaw',
  three_safeties: 'withheldSafety',
  third_party: 'withheldThirdParty',
  internal_affairs: 'withheldInternal',
  process_info: 'withheldProcess',
  enforcement_file: 'withheldEnforcement',
  administrative_query: 'withheldQuery',
  not_held: 'notHeld',
  needs_making: 'needsCreating',
  still_unclear: 'stillUnclear',
  petition: 'petition',
  repeated: 'repeated',
  publication: 'publication',
  excessive: 'excessive',
  confirmation: 'confirmation',
  other: null,
};
const WITHHELD_ROWS: readonly OutcomeRow[] = SUBTOTALS.withheld!;
const UNAVAILABLE_ROWS: readonly OutcomeRow[] = SUBTOTALS.unavailable!;
const NOT_A_REQUEST_ROWS: readonly OutcomeRow[] = ['stillUnclear', ...SUBTOTALS.notHandled!];

function chosenRow(ground: ReplyGround | null, allowed: readonly OutcomeRow[]): OutcomeRow | null {
  const row = ground ? GROUND_ROWS[ground] : null;
  return row && allowed.includes(row) ? row : null;
}

// Without a chosen ground, the grounds of 不予公开 are matched in the reply's basis text (the legal basis the office wrote, e.g.
// 「《条例》第十五条，涉及商业秘密」). The workflow records the basis as text, so the article or its words decide;
// first match wins, the narrower grounds before the residual 法律法规 (and 第十六条第二款 before 第十六条).
const WITHHELD_GROUNDS: readonly [OutcomeRow, RegExp][] = [
  ['withheldStateSecret', /国家秘密|涉密/],
  ['withheldThirdParty', /第三方|商业秘密|个人隐私|第十五条/],
  ['withheldSafety', /三安全一稳定|国家安全|公共安全|经济安全|社会稳定/],
  ['withheldEnforcement', /执法案卷/],
  ['withheldProcess', /过程性|讨论记录|过程稿|磋商信函|请示报告|第十六条第二款/],
  ['withheldInternal', /内部事务|人事管理|后勤管理|内部工作流程|第十六条第一款|第十六条/],
  ['withheldQuery', /查询/],
  ['withheldByLaw', /法律|法规|禁止公开|第十四条/],
];

/** Words of a basis that move an answer of 信息不存在 / 不属于申请 to the template's more precise rows. */
const STILL_UNCLEAR = /仍不明确|仍然不明确/;
const NEEDS_CREATING = /另行制作|另行加工|加工汇总|汇总/;
const PUBLICATION = /出版物|公报|报刊|书籍/;
const EXCESSIVE = /大量反复|明显超过合理范围|第三十五条/;
const CONFIRMATION = /确认|重新出具/;

/** The template row of one outcome, and whether the row was a fallback rather than read from the facts. */
export function outcomeRowOf(fact: Pick<AnnualRequestFact, 'reply' | 'endedWithoutReply'>): { row: OutcomeRow; assumed: boolean } | null {
  if (fact.reply) {
    const basis = fact.reply.basis ?? '';
    const ground = fact.reply.ground;
    switch (fact.reply.type) {
      case 'disclosed':
      // Art. 36(1): information already public is answered by telling where to get it; the template counts it 予以公开
      case 'already_public':
        return { row: 'disclosed', assumed: false };
      case 'partly_disclosed':
        return { row: 'partlyDisclosed', assumed: false };
      case 'withheld': {
        const chosen = chosenRow(ground, WITHHELD_ROWS);
        if (chosen) return { row: chosen, assumed: false };
        const named = WITHHELD_GROUNDS.find(([, words]) => words.test(basis));
        return named ? { row: named[0], assumed: false } : { row: 'withheldByLaw', assumed: true };
      }
      case 'not_exist':
      // Art. 36(5): not this agency's to disclose — the template has no row of its own; it is information this office does not hold
      case 'not_responsible': {
        const chosen = chosenRow(ground, UNAVAILABLE_ROWS);
        if (chosen) return { row: chosen, assumed: false };
        if (STILL_UNCLEAR.test(basis)) return { row: 'stillUnclear', assumed: false };
        return { row: fact.reply.type === 'not_exist' && NEEDS_CREATING.test(basis) ? 'needsCreating' : 'notHeld', assumed: false };
      }
      case 'repeated':
        return { row: 'repeated', assumed: false };
      // Art. 39: 信访、投诉、举报 (and consultations) filed as requests, unless the ground or basis names a narrower row
      case 'not_a_request': {
        const chosen = chosenRow(ground, NOT_A_REQUEST_ROWS);
        if (chosen) return { row: chosen, assumed: false };
        if (STILL_UNCLEAR.test(basis)) return { row: 'stillUnclear', assumed: false };
        if (PUBLICATION.test(basis)) return { row: 'publication', assumed: false };
        if (EXCESSIVE.test(basis)) return { row: 'excessive', assumed: false };
        if (CONFIRMATION.test(basis)) return { row: 'confirmation', assumed: false };
        return { row: 'petition', assumed: false };
      }
    }
  }
  if (fact.endedWithoutReply) {
    // Art. 30: no correction in time → 视为放弃; a withdrawal by the applicant is 其他 (fees are not recorded, so 2. stays 0)
    return { row: fact.endedWithoutReply.kind === 'abandoned' ? 'noCorrection' : 'otherOutcome', assumed: false };
  }
  return null;
}

/** A year in Asia/Shanghai: [00:00 of 1 January, 00:00 of the next 1 January). */
export function yearRange(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+08:00`), end: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

function emptyCells(): Record<RequestTableRow, Record<TableColumn, number>> {
  const row = () => Object.fromEntries(TABLE_COLUMNS.map((c) => [c, 0])) as Record<TableColumn, number>;
  return Object.fromEntries(REQUEST_TABLE_ROWS.map((r) => [r.key, row()])) as Record<RequestTableRow, Record<TableColumn, number>>;
}

export function annualRequestTable(facts: readonly AnnualRequestFact[], input: { year: number; asOf: Date }): AnnualRequestTable {
  const { start, end } = yearRange(input.year);
  // a table drawn during the year counts up to that moment: what is still open then is carried over
  const until = input.asOf < end ? input.asOf : end;
  const cells = emptyCells();
  const assumed: AnnualRequestTable['assumed'] = [];
  const add = (row: RequestTableRow, column: ApplicantType) => {
    cells[row][column] += 1;
    cells[row].total += 1;
  };

  for (const fact of facts) {
    if (!fact.receivedAt || fact.receivedAt >= until) continue;
    const column = fact.applicantType;
    const outcome = outcomeRowOf(fact);
    const outcomeAt = fact.reply?.at ?? fact.endedWithoutReply?.at ?? null;
    const endedBy = (instant: Date) => outcomeAt !== null && outcomeAt < instant;

    if (fact.receivedAt >= start) add('received', column);
    else if (!endedBy(start)) add('carriedIn', column);
    else continue; // finished in an earlier year

    if (outcome && outcomeAt && endedBy(until)) {
      add(outcome.row, column);
      if (outcome.assumed) assumed.push({ id: fact.id, row: outcome.row });
    } else {
      add('carriedOut', column);
    }
  }

  for (const [subtotal, rows] of Object.entries(SUBTOTALS) as [RequestTableRow, readonly OutcomeRow[]][]) {
    for (const column of TABLE_COLUMNS) cells[subtotal][column] = rows.reduce((sum, row) => sum + cells[row][column], 0);
  }
  const sections: RequestTableRow[] = ['disclosed', 'partlyDisclosed', 'withheld', 'unavailable', 'notHandled', 'otherHandling'];
  for (const column of TABLE_COLUMNS) cells.resultsTotal[column] = sections.reduce((sum, row) => sum + cells[row][column], 0);

  return { year: input.year, asOf: until.toISOString(), cells, assumed };
}
