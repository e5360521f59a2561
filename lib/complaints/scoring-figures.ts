// Complaint figures for scoring (DESIGN §1 考核, 12345 practice): per complaint received in a month, whether
// the department signed for it in time (及时签收), replied within the reply limit (按时办结) and left the
// citizen satisfied at the follow-up (回访满意); and the monthly rates per department and position.
// A case is counted only once it is decided: signed / replied, or its due time has passed.
import type { Db } from '../db/sql';

/** 非常满意 / 满意 / 基本满意 count as satisfied (政务服务"好差评"). */
export const SATISFIED_LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied'] as const;

export interface ComplaintCase {
  complaintId: number;
  trackingCode: string;
  departmentId: number;
  positionId: number | null;
  receivedAt: Date;
  acceptDueAt: Date | null;
  acceptedAt: Date | null;
  replyDueAt: Date;
  repliedAt: Date | null;
  /** null: not (yet) a case of that figure. */
  acceptedInTime: boolean | null;
  repliedInTime: boolean | null;
  satisfied: boolean | null;
}

export interface ComplaintCaseQuery {
  start: Date;
  end: Date;
  asOf: Date;
  /** Only these departments; all when omitted. */
  departmentIds?: readonly number[];
}

export async function listComplaintCases(db: Db, query: ComplaintCaseQuery): Promise<ComplaintCase[]> {
  const { start, end, asOf } = query;
  return db<ComplaintCase[]>`
    select c.id as "complaintId", c.tracking_code as "trackingCode", c.department_id as "departmentId",
      c.position_id as "positionId", c.received_at as "receivedAt", c.accept_due_at as "acceptDueAt",
      c.accepted_at as "acceptedAt", c.reply_due_at as "replyDueAt", c.replied_at as "repliedAt",
      case
        when c.accepted_at is not null and c.accepted_at <= ${asOf} and c.accept_due_at is not null
          then c.accepted_at <= c.accept_due_at
        when c.accept_due_at is not null and c.accept_due_at <= ${asOf} then false
      end as "acceptedInTime",
      case
        when c.replied_at is not null and c.replied_at <= ${asOf} then c.replied_at <= c.reply_due_at
        when c.reply_due_at <= ${asOf} then false
      end as "repliedInTime",
      case when c.satisfaction is not null then c.satisfaction in ${db([...SATISFIED_LEVELS])} end as "satisfied"
    from complaints c
    where c.department_id is not null
      and c.received_at >= ${start} and c.received_at < ${end} and c.received_at <= ${asOf}
      ${query.departmentIds ? db`and c.department_id = any(${[...query.departmentIds]}::bigint[])` : db``}
    order by c.id`;
}

export interface Rate {
  cases: number;
  passed: number;
  /** passed / cases, or null without cases. */
  rate: number | null;
}

export interface ComplaintFigures {
  departmentId: number;
  positionId: number | null;
  acceptInTime: Rate;
  replyInTime: Rate;
  satisfaction: Rate;
}

function rate(values: (boolean | null)[]): Rate {
  const decided = values.filter((v): v is boolean => v !== null);
  const passed = decided.filter(Boolean).length;
  return { cases: decided.length, passed, rate: decided.length > 0 ? passed / decided.length : null };
}

/** Monthly 及时签收率 / 按时办结率 / 回访满意率 per department (positionId null) and per position. */
export function complaintFigures(cases: readonly ComplaintCase[]): ComplaintFigures[] {
  const groups = new Map<string, { departmentId: number; positionId: number | null; cases: ComplaintCase[] }>();
  const add = (departmentId: number, positionId: number | null, c: ComplaintCase) => {
    const key = `${departmentId}:${positionId ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { departmentId, positionId, cases: [] }));
    group.cases.push(c);
  };
  for (const c of cases) {
    add(c.departmentId, null, c);
    if (c.positionId !== null) add(c.departmentId, c.positionId, c);
  }
  return [...groups.values()].map((g) => ({
    departmentId: g.departmentId,
    positionId: g.positionId,
    acceptInTime: rate(g.cases.map((c) => c.acceptedInTime)),
    replyInTime: rate(g.cases.map((c) => c.repliedInTime)),
    satisfaction: rate(g.cases.map((c) => c.satisfied)),
  }));
}

/** Monthly figures read from the complaints table. */
export async function getComplaintFigures(db: Db, query: ComplaintCaseQuery): Promise<ComplaintFigures[]> {
  return complaintFigures(await listComplaintCases(db, query));
}
