// The subjects a rule can govern — open obligations (deadline), items (completeness, channel), complaints
// not closed (complaint_sla) or requests still owed a step (request_*) inside its scope — with what the preview and the re-evaluation need to judge them. Which of them the rule really
// governs is left to selectRule (a more specific rule may win), so these queries only narrow by scope.
import type postgres from 'postgres';
import { complaintForSlaColumns, type ComplaintForSla } from '../../complaints/sync-complaint-sla';
import { timeLimitSchema } from '../../catalog/time-limit';
import type { Db } from '../../db/sql';
import { requestForSyncColumns, type RequestForSync } from '../../requests/sync-request';
import type { ObligationForSweep, OpenObligationSubject } from '../deadline-rule';
import type { JudgedItem } from '../judged-item';
import type { Rule } from '../rule';

export const SUBJECT_BATCH = 500;

function scopeOfRule(db: Db, rule: Rule, columns: { regionPath: string; domain: string; entryId: string }): postgres.Fragment {
  return db`
    ${
      rule.scopeRegionCode === null
        ? db``
        : db`and exists (select 1 from regions s where s.code = ${rule.scopeRegionCode}
               and (${db.unsafe(columns.regionPath)} = s.path or ${db.unsafe(columns.regionPath)} like s.path || '.%'))`
    }
    ${rule.scopeDomain === null ? db`` : db`and ${db.unsafe(columns.domain)} = ${rule.scopeDomain}`}
    ${rule.scopeEntryId === null ? db`` : db`and ${db.unsafe(columns.entryId)} = ${rule.scopeEntryId}`}`;
}

export interface DeadlineSubjectRow extends ObligationForSweep, OpenObligationSubject {
  entryId: number;
  isProvisional: boolean;
  hasAlert: boolean;
}

interface ObligationRow extends Omit<DeadlineSubjectRow, 'timeLimit' | 'entryId'> {
  timeLimit: unknown;
}

/** Open obligations in the rule's scope, by id, a batch after `afterId`. */
export function listDeadlineSubjects(db: Db, rule: Rule, afterId = 0, limit = SUBJECT_BATCH): Promise<DeadlineSubjectRow[]> {
  return listOpenObligations(db, scopeOfRule(db, rule, { regionPath: 'r.path', domain: 'c.domain', entryId: 'o.catalog_entry_id' }), afterId, limit);
}

/**
 * Open obligations matching `condition` (a fragment starting with `and`, over o = obligations,
 * c = catalog_entries, r = regions), by id, a batch after `afterId`.
 */
export async function listOpenObligations(
  db: Db,
  condition: postgres.Fragment,
  afterId = 0,
  limit = SUBJECT_BATCH,
): Promise<DeadlineSubjectRow[]> {
  const rows = await db<ObligationRow[]>`
    select o.id, o.catalog_entry_id as "catalogEntryId", c.name as "entryName", c.domain, o.department_id as "departmentId",
      o.position_id as "positionId", o.region_code as "regionCode", r.path as "regionPath", o.item_id as "itemId",
      o.state, o.level, o.warn_at as "warnAt", o.due_at as "dueAt", o.severe_at as "severeAt",
      o.fulfilled_at as "fulfilledAt", o.next_check_at as "nextCheckAt", o.is_provisional as "isProvisional",
      c.time_limit as "timeLimit", o.anchor_at as "anchorAt", i.formed_at as "formedAt",
      exists (select 1 from alerts a where a.rule_kind = 'deadline' and a.subject_type = 'obligation'
              and a.subject_id = o.id and a.state <> 'resolved') as "hasAlert"
    from obligations o
    join catalog_entries c on c.id = o.catalog_entry_id
    join regions r on r.code = o.region_code
    left join items i on i.id = o.item_id
    where o.state = 'open' and o.id > ${afterId}
      ${condition}
    order by o.id
    limit ${limit}`;
  return rows.map((row) => ({ ...row, entryId: row.catalogEntryId, timeLimit: timeLimitSchema.parse(row.timeLimit) }));
}

export interface ItemSubjectRow extends JudgedItem {
  id: number;
  departmentId: number;
  hasAlert: boolean;
}

/** Items in the rule's scope that are published or carry an unresolved alert of the kind, by id. */
export async function listItemSubjects(
  db: Db,
  rule: Rule,
  kind: 'completeness' | 'channel',
  afterId = 0,
  limit = SUBJECT_BATCH,
): Promise<ItemSubjectRow[]> {
  return db<ItemSubjectRow[]>`
    select i.id, i.department_id as "departmentId", r.path as "regionPath", c.domain, c.id as "entryId",
      d.org_code as "orgCode", d.name as "departmentName", c.required_elements as "requiredElements",
      c.channels as "requiredChannels", i.index_no as "indexNo", i.doc_no as "docNo", i.publisher, i.summary,
      i.body, i.url, i.channels, i.fields, i.attachments, i.formed_at as "formedAt",
      i.published_at as "publishedAt", i.withdrawn_at as "withdrawnAt",
      exists (select 1 from alerts a where a.rule_kind = ${kind} and a.subject_type = 'item'
              and a.subject_id = i.id and a.state <> 'resolved') as "hasAlert"
    from items i
    join catalog_entries c on c.id = i.catalog_entry_id
    join departments d on d.id = i.department_id
    join regions r on r.code = i.region_code
    where i.id > ${afterId} and (i.published_at is not null or exists (
        select 1 from alerts a where a.rule_kind = ${kind} and a.subject_type = 'item' and a.subject_id = i.id
          and a.state <> 'resolved'))
      ${scopeOfRule(db, rule, { regionPath: 'r.path', domain: 'c.domain', entryId: 'c.id' })}
    order by i.id
    limit ${limit}`;
}

export interface ComplaintSubjectRow extends ComplaintForSla {
  hasAlert: boolean;
}

/**
 * Complaints not closed in the rule's scope, by id, a batch after `afterId`. `lock` takes their rows for the
 * transaction, so a re-evaluation and a transition of the same complaint wait for each other.
 */
export function listComplaintSubjects(
  db: Db,
  rule: Rule,
  { afterId = 0, limit = SUBJECT_BATCH, lock = false }: { afterId?: number; limit?: number; lock?: boolean } = {},
): Promise<ComplaintSubjectRow[]> {
  return db<ComplaintSubjectRow[]>`
    select ${complaintForSlaColumns(db)},
      exists (select 1 from alerts a where a.rule_kind = 'complaint_sla' and a.subject_type = 'complaint'
              and a.subject_id = c.id and a.state <> 'resolved') as "hasAlert"
    from complaints c
    join regions r on r.code = c.region_code
    left join catalog_entries ce on ce.id = c.catalog_entry_id
    where c.state <> 'closed' and c.id > ${afterId}
      ${scopeOfRule(db, rule, { regionPath: 'r.path', domain: 'ce.domain', entryId: 'c.catalog_entry_id' })}
    order by c.id
    limit ${limit}
    ${lock ? db`for update of c` : db``}`;
}

export interface RequestSubjectRow extends RequestForSync {
  hasAlert: boolean;
}

/**
 * Requests still owed a step (确认收到, 补正, reply) in the rule's region, by id, a batch after `afterId`; `lock`
 * as for complaints. Requests have no domain nor catalog entry: a request rule scoped to one governs none.
 */
export function listRequestSubjects(
  db: Db,
  rule: Rule,
  { afterId = 0, limit = SUBJECT_BATCH, lock = false }: { afterId?: number; limit?: number; lock?: boolean } = {},
): Promise<RequestSubjectRow[]> {
  return db<RequestSubjectRow[]>`
    select ${requestForSyncColumns(db)},
      exists (select 1 from alerts a where a.rule_kind = ${rule.kind} and a.subject_type = 'request'
              and a.subject_id = q.id and a.state <> 'resolved') as "hasAlert"
    from requests q
    join regions r on r.code = q.region_code
    where q.state in ('submitted', 'received', 'correction_requested', 'consulting') and q.id > ${afterId}
      ${scopeOfRule(db, rule, { regionPath: 'r.path', domain: "''", entryId: '0' })}
    order by q.id
    limit ${limit}
    ${lock ? db`for update of q` : db``}`;
}
