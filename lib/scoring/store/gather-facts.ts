// Reads one month's facts for every department (or the given ones) and sorts them into per-subject facts:
// a department, and each position that any fact names. Set-based: a handful of queries per month
// whatever the number of departments, so the nightly full recompute and the benchmark stay cheap.
import { listComplaintCases, type ComplaintCase } from '../../complaints/scoring-figures';
import type { Db } from '../../db/sql';
import {
  classifyAlertResponse,
  classifyBacklog,
  classifyObligation,
  classifyPublishedItem,
  classifyRequestReply,
  formatInstant,
  redAlertRef,
  substantiatedRef,
  type AlertFact,
  type ObligationFact,
  type PublishedItemFact,
  type RequestReplyFact,
  type SubstantiatedFact,
} from '../classify-facts';
import { addCase, emptyFacts, type FactRef, type SubjectFacts } from '../facts';
import { periodRange, type Period } from '../period';
import type { IndicatorKey, Weights } from '../weights';

export interface SubjectKey {
  departmentId: number;
  positionId: number | null;
}

export const subjectKeyString = (s: SubjectKey) => `${s.departmentId}:${s.positionId ?? ''}`;

export interface GatheredFacts {
  /** Keyed by subjectKeyString; a department appears only when a fact names it. */
  subjects: Map<string, SubjectKey & { facts: SubjectFacts }>;
}

interface Owned {
  departmentId: number;
  positionId: number | null;
}

export async function gatherFacts(
  db: Db,
  input: { period: Period; asOf: Date; weights: Weights; departmentIds?: readonly number[] },
): Promise<GatheredFacts> {
  const { start, end } = periodRange(input.period);
  const { asOf, weights } = input;
  const ids = input.departmentIds ? [...input.departmentIds] : null;
  const onlyDepartments = (column: string) => (ids ? db`and ${db(column)} = any(${ids}::bigint[])` : db``);

  const subjects = new Map<string, SubjectKey & { facts: SubjectFacts }>();
  const factsOf = (key: SubjectKey) => {
    const id = subjectKeyString(key);
    let subject = subjects.get(id);
    if (!subject) subjects.set(id, (subject = { ...key, facts: emptyFacts() }));
    return subject.facts;
  };
  // every fact counts for its department and, when it names one, for its position
  const record = (owner: Owned, key: IndicatorKey, failure: FactRef | null) => {
    addCase(factsOf({ departmentId: owner.departmentId, positionId: null }), key, failure);
    if (owner.positionId !== null) addCase(factsOf(owner), key, failure);
  };
  const recordRed = (owner: Owned, ref: FactRef) => {
    factsOf({ departmentId: owner.departmentId, positionId: null }).redAlerts.push(ref);
    if (owner.positionId !== null) factsOf(owner).redAlerts.push(ref);
  };
  const recordSubstantiated = (owner: Owned, ref: FactRef) => {
    factsOf({ departmentId: owner.departmentId, positionId: null }).substantiatedComplaints.push(ref);
    if (owner.positionId !== null) factsOf(owner).substantiatedComplaints.push(ref);
  };

  // deadlines are 24:00 of a day, stored as 00:00 of the next: a month's deadlines lie in (start, end]
  const obligations = await db<(ObligationFact & Owned)[]>`
    select o.id, coalesce(o.item_id, o.fulfilled_by_item_id) as "itemId", c.name as "entryName",
      o.due_at as "dueAt", o.fulfilled_at as "fulfilledAt", o.department_id as "departmentId",
      o.position_id as "positionId"
    from obligations o join catalog_entries c on c.id = o.catalog_entry_id
    where o.state <> 'cancelled' and o.due_at > ${start} and o.due_at <= ${end}
      and (o.due_at <= ${asOf} or o.fulfilled_at <= ${asOf})
      ${onlyDepartments('o.department_id')}`;
  for (const o of obligations) {
    const outcome = classifyObligation(o, asOf);
    if (outcome) record(o, 'timeliness', outcome.failure);
  }

  // 积压: due before the month and still open when it began (lib/scoring/classify-facts.ts classifyBacklog)
  if (asOf > start) {
    const backlog = await db<(ObligationFact & Owned)[]>`
      select o.id, coalesce(o.item_id, o.fulfilled_by_item_id) as "itemId", c.name as "entryName",
        o.due_at as "dueAt", o.fulfilled_at as "fulfilledAt", o.department_id as "departmentId",
        o.position_id as "positionId"
      from obligations o join catalog_entries c on c.id = o.catalog_entry_id
      where o.state <> 'cancelled' and o.due_at <= ${start} and (o.fulfilled_at is null or o.fulfilled_at > ${start})
        ${onlyDepartments('o.department_id')}`;
    for (const o of backlog) record(o, 'timeliness', classifyBacklog(o, asOf).failure);
  }

  // an item found incomplete or off-channel counts as published incomplete even if fixed later, unless
  // the office accepted it as an exception (manual resolve). Counted per owner in SQL, with only the defective
  // items sent over: a busy department publishes thousands of items a month and nearly all of them pass.
  const items = await db<(Owned & { clean: number; defects: PublishedItemFact[] })[]>`
    select i.department_id as "departmentId", i.position_id as "positionId",
      (count(*) filter (where d.id is null))::int as clean,
      coalesce(json_agg(json_build_object('id', i.id, 'title', i.title, 'defectAlertId', d.id, 'defectMessage', d.message) order by i.id)
        filter (where d.id is not null), '[]') as defects
    from items i
    left join lateral (
      select a.id, a.message from alerts a
      where a.item_id = i.id and a.subject_type = 'item' and a.rule_kind in ('completeness', 'channel')
        and a.opened_at <= ${asOf} and a.resolution is distinct from 'manual'
      order by a.id limit 1
    ) d on true
    where i.published_at >= ${start} and i.published_at < ${end} and i.published_at <= ${asOf}
      and i.withdrawn_at is null
      ${onlyDepartments('i.department_id')}
    group by i.department_id, i.position_id`;
  for (const owner of items) {
    for (let n = 0; n < owner.clean; n++) record(owner, 'completeness', null);
    for (const item of owner.defects) record(owner, 'completeness', classifyPublishedItem(item).failure);
  }

  const complaints = await listComplaintCases(db, { start, end, asOf, departmentIds: ids ?? undefined });
  for (const c of complaints) recordComplaint(c, record);

  // 依申请公开按时答复率: requests whose reply deadline falls in the month (24:00 of a day in it); one waiting for the
  // applicant's correction has no running clock, and one abandoned after a 补正 never owed a reply
  const requests = await db<(RequestReplyFact & { departmentId: number })[]>`
    select q.id, q.tracking_code as "trackingCode", q.due_at as "dueAt", q.replied_at as "repliedAt",
      case when q.state = 'withdrawn' then q.closed_at end as "withdrawnAt", q.department_id as "departmentId"
    from requests q
    where q.due_at > ${start} and q.due_at <= ${end} and q.state not in ('submitted', 'correction_requested', 'abandoned')
      and (q.due_at <= ${asOf} or q.replied_at <= ${asOf} or q.closed_at <= ${asOf})
      ${onlyDepartments('q.department_id')}`;
  for (const r of requests) {
    const outcome = classifyRequestReply(r, asOf);
    // a request belongs to its agency; no position answers for it
    if (outcome) record({ departmentId: r.departmentId, positionId: null }, 'requestReply', outcome.failure);
  }

  const alerts = await db<(AlertFact & Owned)[]>`
    select a.id, a.item_id as "itemId", a.complaint_id as "complaintId", a.message, a.opened_at as "openedAt",
      a.acknowledged_at as "acknowledgedAt", a.resolved_at as "resolvedAt", a.department_id as "departmentId",
      a.position_id as "positionId"
    from alerts a
    where a.opened_at >= ${start} and a.opened_at < ${end} and a.opened_at <= ${asOf}
      ${onlyDepartments('a.department_id')}`;
  for (const a of alerts) {
    const outcome = classifyAlertResponse(a, weights, asOf);
    if (outcome) record(a, 'alertResponse', outcome.failure);
  }

  // a red alert is deducted in the month it turned red, unless a dispute of it was accepted: for a deadline its obligation's severe instant
  // (严重超期 began then, even when the alert was raised later, e.g. by a seed or after an outage), for
  // other alerts its level change to red or its opening
  const reds = await db<(AlertFact & Owned & { redAt: Date })[]>`
    select * from (
      select a.id, a.item_id as "itemId", a.complaint_id as "complaintId", a.message, a.opened_at as "openedAt",
        a.acknowledged_at as "acknowledgedAt", a.resolved_at as "resolvedAt", a.department_id as "departmentId",
        a.position_id as "positionId",
        coalesce(
          case when a.rule_kind = 'deadline' then o.severe_at end,
          (select min(e.at) from alert_events e where e.alert_id = a.id and e.to_level = 'red'),
          a.opened_at) as "redAt"
      from alerts a left join obligations o on o.id = a.obligation_id
      where a.level = 'red'
        -- 申诉成立: the office accepted the department's dispute of the alert, its deduction goes
        and not exists (select 1 from disputes ds where ds.alert_id = a.id and ds.state = 'accepted' and ds.decided_at <= ${asOf})
        ${onlyDepartments('a.department_id')}
    ) red
    where "redAt" >= ${start} and "redAt" < ${end} and "redAt" <= ${asOf}`;
  for (const a of reds) recordRed(a, redAlertRef(a, a.redAt));

  // 投诉属实: counted in the month of the finding against the entry's responsible department, unless withdrawn
  const violations = await db<(SubstantiatedFact & Owned)[]>`
    select v.complaint_id as "complaintId", c.tracking_code as "trackingCode", ce.name as "entryName",
      v.found_at as "foundAt", v.department_id as "departmentId", v.position_id as "positionId"
    from complaint_violations v join complaints c on c.id = v.complaint_id join catalog_entries ce on ce.id = v.catalog_entry_id
    where v.found_at >= ${start} and v.found_at < ${end} and v.found_at <= ${asOf}
      and (v.withdrawn_at is null or v.withdrawn_at > ${asOf})
      ${onlyDepartments('v.department_id')}`;
  for (const v of violations) recordSubstantiated(v, substantiatedRef(v));

  return { subjects };
}

function recordComplaint(c: ComplaintCase, record: (owner: Owned, key: IndicatorKey, failure: FactRef | null) => void) {
  const ref = (label: string): FactRef => ({ kind: 'complaint', id: c.complaintId, itemId: null, complaintId: c.complaintId, label });
  if (c.acceptedInTime !== null) {
    const label = c.acceptedAt
      ? `投诉 ${c.trackingCode} 应于 ${formatInstant(c.acceptDueAt!)} 前签收，${formatInstant(c.acceptedAt)} 才签收`
      : `投诉 ${c.trackingCode} 应于 ${formatInstant(c.acceptDueAt!)} 前签收，逾期未签收`;
    record(c, 'complaintAccept', c.acceptedInTime ? null : ref(label));
  }
  if (c.repliedInTime !== null) {
    const label = c.repliedAt
      ? `投诉 ${c.trackingCode} 应于 ${formatInstant(c.replyDueAt)} 前答复，${formatInstant(c.repliedAt)} 才答复`
      : `投诉 ${c.trackingCode} 应于 ${formatInstant(c.replyDueAt)} 前答复，逾期未答复`;
    record(c, 'complaintReply', c.repliedInTime ? null : ref(label));
  }
  if (c.satisfied !== null) record(c, 'complaintSatisfaction', c.satisfied ? null : ref(`投诉 ${c.trackingCode} 回访不满意`));
}
