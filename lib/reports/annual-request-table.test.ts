import { describe, expect, it } from 'vitest';
import type { ApplicantType, ReplyGround, ReplyType } from '../requests/request';
import { annualRequestTable, outcomeRowOf, REQUEST_TABLE_ROWS, TABLE_COLUMNS, type AnnualRequestFact } from './annual-request-table';

const at = (local: string) => new Date(`${local}+08:00`);
const END_OF_2026 = at('2027-01-01T00:00:00');
let serial = 0;

function fact(input: {
  applicant?: ApplicantType;
  received?: string | null;
  reply?: [ReplyType, string, (string | null)?, (ReplyGround | null)?];
  ended?: ['abandoned' | 'withdrawn', string];
}): AnnualRequestFact {
  serial += 1;
  return {
    id: serial,
    applicantType: input.applicant ?? 'person',
    receivedAt: input.received === null ? null : at(input.received ?? '2026-03-02T10:00:00'),
    reply: input.reply ? { type: input.reply[0], at: at(input.reply[1]), basis: input.reply[2] ?? null, ground: input.reply[3] ?? null } : null,
    endedWithoutReply: input.ended ? { kind: input.ended[0], at: at(input.ended[1]) } : null,
  };
}

const replied = (type: ReplyType, basis: string | null = null, ground: ReplyGround | null = null) =>
  outcomeRowOf(fact({ reply: [type, '2026-03-20T10:00:00', basis, ground] }));

describe('outcomeRowOf: the template row of each reply type and end', () => {
  it('puts the plain reply types in their rows', () => {
    expect(replied('disclosed')).toEqual({ row: 'disclosed', assumed: false });
    // told where the public information is: 予以公开
    expect(replied('already_public')).toEqual({ row: 'disclosed', assumed: false });
    expect(replied('partly_disclosed', '涉及个人隐私')).toEqual({ row: 'partlyDisclosed', assumed: false });
    expect(replied('not_exist')).toEqual({ row: 'notHeld', assumed: false });
    expect(replied('not_responsible')).toEqual({ row: 'notHeld', assumed: false });
    expect(replied('repeated')).toEqual({ row: 'repeated', assumed: false });
    expect(replied('not_a_request')).toEqual({ row: 'petition', assumed: false });
    expect(outcomeRowOf(fact({ ended: ['abandoned', '2026-04-01T09:00:00'] }))).toEqual({ row: 'noCorrection', assumed: false });
    expect(outcomeRowOf(fact({ ended: ['withdrawn', '2026-04-01T09:00:00'] }))).toEqual({ row: 'otherOutcome', assumed: false });
    expect(outcomeRowOf(fact({}))).toBeNull();
  });

  it('takes the sub-row the office chose on replying, within the reply type’s own section', () => {
    expect(replied('withheld', '不宜公开', 'process_info')).toEqual({ row: 'withheldProcess', assumed: false });
    expect(replied('withheld', null, 'administrative_query')?.row).toBe('withheldQuery');
    expect(replied('not_exist', null, 'needs_making')?.row).toBe('needsCreating');
    expect(replied('not_responsible', null, 'not_held')?.row).toBe('notHeld');
    expect(replied('not_a_request', null, 'publication')?.row).toBe('publication');
    expect(replied('not_a_request', null, 'still_unclear')?.row).toBe('stillUnclear');
    // 部分公开 is counted as such whatever its ground (区分处理的，只计这一情形)
    expect(replied('partly_disclosed', null, 'third_party')?.row).toBe('partlyDisclosed');
    // a ground from another section, or 其他, falls back to the basis
    expect(replied('withheld', '涉及商业秘密', 'petition')?.row).toBe('withheldThirdParty');
    expect(replied('withheld', null, 'other')).toEqual({ row: 'withheldByLaw', assumed: true });
  });

  it('reads the ground of 不予公开 from the reply’s basis when none was chosen', () => {
    expect(replied('withheld', '属于国家秘密，依据《条例》第十四条')?.row).toBe('withheldStateSecret');
    expect(replied('withheld', '涉及商业秘密，第三方不同意公开')?.row).toBe('withheldThirdParty');
    expect(replied('withheld', '《条例》第十五条')?.row).toBe('withheldThirdParty');
    expect(replied('withheld', '公开后可能危及社会稳定')?.row).toBe('withheldSafety');
    expect(replied('withheld', '属于人事管理、后勤管理等内部事务信息')?.row).toBe('withheldInternal');
    expect(replied('withheld', '属于讨论记录、过程稿等过程性信息（第十六条第二款）')?.row).toBe('withheldProcess');
    expect(replied('withheld', '属于行政执法案卷信息')?.row).toBe('withheldEnforcement');
    expect(replied('withheld', '属于行政查询事项，请向登记机关查询')?.row).toBe('withheldQuery');
    expect(replied('withheld', '《中华人民共和国统计法》禁止公开')).toEqual({ row: 'withheldByLaw', assumed: false });
  });

  it('counts a 不予公开 whose basis names no listed ground under 其他法律行政法规禁止公开, marked as assumed', () => {
    expect(replied('withheld', '不宜公开')).toEqual({ row: 'withheldByLaw', assumed: true });
    expect(replied('withheld', null)).toEqual({ row: 'withheldByLaw', assumed: true });
  });

  it('moves 信息不存在 and 不属于申请 to the narrower rows their basis names', () => {
    expect(replied('not_exist', '需要另行加工、汇总')?.row).toBe('needsCreating');
    expect(replied('not_exist', '补正后申请内容仍不明确')?.row).toBe('stillUnclear');
    expect(replied('not_a_request', '申请内容为要求提供政府公报等公开出版物')?.row).toBe('publication');
    expect(replied('not_a_request', '申请数量明显超过合理范围且无正当理由')?.row).toBe('excessive');
    expect(replied('not_a_request', '要求确认已获取信息的真实性')?.row).toBe('confirmation');
  });
});

describe('annualRequestTable', () => {
  it('counts received, carried in, outcomes and carried out, and 一 + 二 = 三(七) + 四 in every column', () => {
    const facts = [
      fact({ received: '2026-02-03T09:00:00', reply: ['disclosed', '2026-02-20T16:00:00'] }),
      fact({ applicant: 'business', received: '2026-05-06T09:00:00', reply: ['withheld', '2026-05-30T10:00:00', '涉及商业秘密'] }),
      fact({ applicant: 'legal_service', received: '2026-06-01T09:00:00', ended: ['abandoned', '2026-07-01T00:00:00'] }),
      // received last year, answered this year: 二 and 三
      fact({ applicant: 'research', received: '2025-12-20T09:00:00', reply: ['not_exist', '2026-01-10T10:00:00'] }),
      // received last year, answered last year: nowhere
      fact({ received: '2025-11-02T09:00:00', reply: ['disclosed', '2025-11-20T10:00:00'] }),
      // received this year, answered next year: 一 and 四
      fact({ applicant: 'nonprofit', received: '2026-12-24T09:00:00', reply: ['disclosed', '2027-01-08T10:00:00'] }),
      // received last year and still open: 二 and 四
      fact({ applicant: 'other', received: '2025-12-30T09:00:00' }),
      // never confirmed, or received next year: nowhere
      fact({ received: null, ended: ['withdrawn', '2026-03-01T10:00:00'] }),
      fact({ received: '2027-01-04T09:00:00' }),
    ];
    const table = annualRequestTable(facts, { year: 2026, asOf: at('2027-01-15T10:00:00') });
    expect(table.asOf).toBe(END_OF_2026.toISOString());
    expect(table.cells.received).toMatchObject({ person: 1, business: 1, legal_service: 1, nonprofit: 1, total: 4 });
    expect(table.cells.carriedIn).toMatchObject({ research: 1, other: 1, total: 2 });
    expect(table.cells.disclosed.total).toBe(1);
    expect(table.cells.withheldThirdParty).toMatchObject({ business: 1, total: 1 });
    expect(table.cells.withheld).toMatchObject({ business: 1, total: 1 });
    expect(table.cells.notHeld).toMatchObject({ research: 1, total: 1 });
    expect(table.cells.unavailable.total).toBe(1);
    expect(table.cells.noCorrection).toMatchObject({ legal_service: 1, total: 1 });
    expect(table.cells.otherHandling.total).toBe(1);
    expect(table.cells.resultsTotal.total).toBe(4);
    expect(table.cells.carriedOut).toMatchObject({ nonprofit: 1, other: 1, total: 2 });
    for (const column of TABLE_COLUMNS) {
      expect(table.cells.received[column] + table.cells.carriedIn[column], column).toBe(table.cells.resultsTotal[column] + table.cells.carriedOut[column]);
    }
    expect(table.assumed).toEqual([]);
  });

  it('draws a year still running as of the moment asked: what is open then is carried over', () => {
    const answeredLater = fact({ received: '2026-11-02T09:00:00', reply: ['disclosed', '2026-11-25T10:00:00'] });
    const table = annualRequestTable([answeredLater], { year: 2026, asOf: at('2026-11-20T10:00:00') });
    expect(table.cells.received.total).toBe(1);
    expect(table.cells.disclosed.total).toBe(0);
    expect(table.cells.carriedOut.total).toBe(1);
  });

  it('names the requests counted in a row by assumption', () => {
    const vague = fact({ reply: ['withheld', '2026-04-01T10:00:00', '不宜公开'] });
    const table = annualRequestTable([vague], { year: 2026, asOf: END_OF_2026 });
    expect(table.cells.withheldByLaw.total).toBe(1);
    expect(table.assumed).toEqual([{ id: vague.id, row: 'withheldByLaw' }]);
  });

  it('has every row of the template, zero when nothing was filed, and no figures under the heading 三', () => {
    const table = annualRequestTable([], { year: 2026, asOf: END_OF_2026 });
    expect(REQUEST_TABLE_ROWS).toHaveLength(30);
    for (const row of REQUEST_TABLE_ROWS) expect(table.cells[row.key].total).toBe(0);
  });
});
