// The facts of the annual report's request table (annual-request-table.ts) for a region's subtree and a year:
// every request received before the year ended (and by `at`) whose outcome — the reply, or the day it was
// abandoned or withdrawn — did not come before the year began. Read from the requests table (migration 0059).
import type { Db } from '../db/sql';
import type { ApplicantType, ReplyGround, ReplyType } from '../requests/request';
import { yearRange, type AnnualRequestFact } from './annual-request-table';

interface Row {
  id: number;
  applicantType: ApplicantType;
  receivedAt: Date;
  state: string;
  replyType: ReplyType | null;
  replyGround: ReplyGround | null;
  replyBasis: string | null;
  repliedAt: Date | null;
  closedAt: Date | null;
}

export async function listAnnualRequestFacts(db: Db, input: { regionPath: string; year: number; at: Date }): Promise<AnnualRequestFact[]> {
  const { start, end } = yearRange(input.year);
  const rows = await db<Row[]>`
    select q.id, q.applicant_type as "applicantType", q.received_at as "receivedAt", q.state,
      q.reply_type as "replyType", q.reply_ground as "replyGround", q.reply_basis as "replyBasis",
      q.replied_at as "repliedAt", q.closed_at as "closedAt"
    from requests q join regions r on r.code = q.region_code
    where (r.path = ${input.regionPath} or r.path like ${`${input.regionPath}.%`})
      and q.received_at < ${end} and q.received_at <= ${input.at}
      and coalesce(q.replied_at, case when q.state in ('abandoned', 'withdrawn') then q.closed_at end, ${end}) >= ${start}
    order by q.id`;
  return rows.map((r) => ({
    id: r.id,
    applicantType: r.applicantType,
    receivedAt: r.receivedAt,
    reply: r.replyType && r.repliedAt ? { type: r.replyType, ground: r.replyGround, basis: r.replyBasis, at: r.repliedAt } : null,
    endedWithoutReply:
      !r.replyType && r.closedAt && (r.state === 'abandoned' || r.state === 'withdrawn') ? { kind: r.state, at: r.closedAt } : null,
  }));
}
