// Whether each raw fact is a case of its indicator in the month, whether it passed, and the zh-CN line that
// explains a failure. Pure: the facts are read by gather-facts.ts, `asOf` is the application's clock.
import { dueDayOf } from '../deadlines/due-day';
import type { FactRef } from './facts';
import type { Weights } from './weights';

const HOUR_MS = 3_600_000;

/** A deadline is the end of a day, stored as 00:00 of the next: show it as that day 24:00. */
export function formatDeadline(dueAt: Date): string {
  return `${dueDayOf(dueAt)} 24:00`;
}

export function formatInstant(at: Date): string {
  const local = new Date(at.getTime() + 8 * HOUR_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export interface ObligationFact {
  id: number;
  itemId: number | null;
  entryName: string;
  dueAt: Date;
  fulfilledAt: Date | null;
}

/**
 * 公开及时率: an obligation counts once it is fulfilled or its deadline has passed; it passes when it
 * was fulfilled by the deadline. Null: not yet a case.
 */
export function classifyObligation(o: ObligationFact, asOf: Date): { failure: FactRef | null } | null {
  const fulfilledAt = o.fulfilledAt && o.fulfilledAt <= asOf ? o.fulfilledAt : null;
  if (!fulfilledAt && o.dueAt > asOf) return null;
  if (fulfilledAt && fulfilledAt <= o.dueAt) return { failure: null };
  const label = fulfilledAt
    ? `「${o.entryName}」应于 ${formatDeadline(o.dueAt)} 前公开，${formatInstant(fulfilledAt)} 才公开（逾期）`
    : `「${o.entryName}」应于 ${formatDeadline(o.dueAt)} 前公开，至今未公开（超期）`;
  return { failure: { kind: 'obligation', id: o.id, itemId: o.itemId, complaintId: null, label } };
}

/**
 * 积压: an obligation that fell due before the month and was still not fulfilled when the month began keeps
 * counting against the department, as one more failed 公开及时率 case of every month it stays open, so a
 * backlog of severely overdue items can never leave the indicator at 100%. `monthStart` is the month's first
 * instant; the caller reads only obligations due by then and open at that instant.
 */
export function classifyBacklog(o: ObligationFact, asOf: Date): { failure: FactRef } {
  const fulfilledAt = o.fulfilledAt && o.fulfilledAt <= asOf ? o.fulfilledAt : null;
  const label = fulfilledAt
    ? `「${o.entryName}」应于 ${formatDeadline(o.dueAt)} 前公开，积压至本月，${formatInstant(fulfilledAt)} 才公开`
    : `「${o.entryName}」应于 ${formatDeadline(o.dueAt)} 前公开，积压至本月仍未公开`;
  return { failure: { kind: 'obligation', id: o.id, itemId: o.itemId, complaintId: null, label } };
}

export interface PublishedItemFact {
  id: number;
  title: string;
  /** The first completeness or channel alert raised on the item (not resolved as an accepted exception). */
  defectAlertId: number | null;
  defectMessage: string | null;
}

/** 内容完整率: an item published in the month passes when it was never found incomplete or off-channel. */
export function classifyPublishedItem(item: PublishedItemFact): { failure: FactRef | null } {
  if (item.defectAlertId === null) return { failure: null };
  return {
    failure: {
      kind: 'alert',
      id: item.defectAlertId,
      itemId: item.id,
      complaintId: null,
      label: `「${item.title}」发布时不完整：${item.defectMessage ?? ''}`,
    },
  };
}

export interface AlertFact {
  id: number;
  itemId: number | null;
  complaintId: number | null;
  message: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * 预警响应及时率: an alert opened in the month counts once it is resolved or its acknowledgement time has
 * run out; it passes when it was acknowledged (or resolved) within alertAckHours and resolved within
 * alertResolveHours (or is still inside that time).
 */
export function classifyAlertResponse(a: AlertFact, weights: Weights, asOf: Date): { failure: FactRef | null } | null {
  const ackLimit = a.openedAt.getTime() + weights.alertAckHours * HOUR_MS;
  const resolveLimit = a.openedAt.getTime() + weights.alertResolveHours * HOUR_MS;
  const resolvedAt = a.resolvedAt && a.resolvedAt <= asOf ? a.resolvedAt : null;
  const acknowledgedAt = a.acknowledgedAt && a.acknowledgedAt <= asOf ? a.acknowledgedAt : null;
  if (!resolvedAt && asOf.getTime() < ackLimit) return null;
  const answeredAt = [acknowledgedAt, resolvedAt].filter((d): d is Date => d !== null).sort((x, y) => x.getTime() - y.getTime())[0];
  const answeredInTime = answeredAt !== undefined && answeredAt.getTime() <= ackLimit;
  const resolvedInTime = resolvedAt ? resolvedAt.getTime() <= resolveLimit : asOf.getTime() <= resolveLimit;
  if (answeredInTime && resolvedInTime) return { failure: null };
  const why = !answeredInTime ? `${weights.alertAckHours} 小时内未签收` : `${weights.alertResolveHours} 小时内未处置`;
  return {
    failure: { kind: 'alert', id: a.id, itemId: a.itemId, complaintId: a.complaintId, label: `预警「${a.message}」${why}` },
  };
}

export function redAlertRef(a: Pick<AlertFact, 'id' | 'itemId' | 'complaintId' | 'message'>, redAt: Date): FactRef {
  return {
    kind: 'alert',
    id: a.id,
    itemId: a.itemId,
    complaintId: a.complaintId,
    label: `严重超期（红色预警，${formatInstant(redAt)}）：${a.message}`,
  };
}

export interface SubstantiatedFact {
  complaintId: number;
  trackingCode: string;
  entryName: string;
  foundAt: Date;
}

/** 投诉属实: the complaint the handler closed as substantiated, linked from the score's drill-down. */
export function substantiatedRef(v: SubstantiatedFact): FactRef {
  return {
    kind: 'complaint',
    id: v.complaintId,
    // the complaint is where the finding, its entry and its alert are shown
    itemId: null,
    complaintId: v.complaintId,
    label: `投诉属实（${formatInstant(v.foundAt)} 办结认定）：投诉件 ${v.trackingCode} 反映「${v.entryName}」未按规定公开`,
  };
}

export interface RequestReplyFact {
  id: number;
  trackingCode: string;
  /** The reply deadline in force (Art. 33: moved by pauses and an approved extension), the end of its day. */
  dueAt: Date;
  repliedAt: Date | null;
  /** Withdrawn by the applicant: from then on no reply is owed. */
  withdrawnAt: Date | null;
}

/**
 * 依申请公开按时答复率: a request whose reply falls due in the month counts once it is answered or its deadline has
 * passed; it passes when answered by the deadline. One withdrawn before its deadline owed no reply and is no
 * case; one withdrawn after it was already late. Null: not (yet) a case.
 */
export function classifyRequestReply(r: RequestReplyFact, asOf: Date): { failure: FactRef | null } | null {
  const repliedAt = r.repliedAt && r.repliedAt <= asOf ? r.repliedAt : null;
  const withdrawnAt = r.withdrawnAt && r.withdrawnAt <= asOf ? r.withdrawnAt : null;
  if (repliedAt && repliedAt <= r.dueAt) return { failure: null };
  if (!repliedAt && withdrawnAt && withdrawnAt <= r.dueAt) return null;
  if (!repliedAt && r.dueAt > asOf) return null;
  const label = repliedAt
    ? `依申请公开 ${r.trackingCode} 应于 ${formatDeadline(r.dueAt)} 前答复，${formatInstant(repliedAt)} 才答复（逾期）`
    : `依申请公开 ${r.trackingCode} 应于 ${formatDeadline(r.dueAt)} 前答复，${withdrawnAt ? '逾期未答复，申请人已撤回' : '至今未答复（超期）'}`;
  return { failure: { kind: 'request', id: r.id, itemId: null, complaintId: null, requestId: r.id, label } };
}
