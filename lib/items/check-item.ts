// The check job's work: evaluate an item's current version against its catalog entry and the rules that
// apply to it (completeness, channels, its obligation's deadline), open, update or resolve alerts in one
// transaction, and report which alerts changed so the caller can push them after the commit. Many items
// go through in one transaction with a fixed number of statements (checkItems), as the worker batches them.
import { now } from '../clock';
import { sql as pool, type Db, type Sql } from '../db/sql';
import { applyFindings, type AlertChange, type Clearing, type Finding } from '../alerts/apply-findings';
import { moveObligations, obligationForSweepColumns } from '../alerts/sync-deadline-alert';
import { channelFinding } from '../rules/channel-rule';
import { completenessFinding } from '../rules/completeness-rule';
import { planDeadlines, type ObligationForSweep } from '../rules/deadline-rule';
import { isJudged } from '../rules/judged-item';
import { getRules } from '../rules/store/queries';
import type { Rule } from '../rules/rule';
import { selectRule } from '../rules/select-rule';
import { oweScoreForItems } from '../scoring/store/score-job';
import { remediedViolations } from '../complaints/remedied-violations';
import { recordChecks, verdictOf, type CheckRecord, type CheckVerdict } from './check-records';
import type { Camelized, ItemContentColumns, ItemRow } from './item-row';

/** The item's own columns (camelCase aliases) with its region, department and catalog entry. */
type ItemForCheck = Camelized<
  Pick<ItemRow, 'id' | 'version' | 'department_id' | 'position_id' | 'region_code' | ItemContentColumns | 'published_at' | 'withdrawn_at'>
> & {
  regionPath: string;
  orgCode: string;
  departmentName: string;
  entryId: number;
  entryName: string;
  domain: string;
  requiredElements: string[];
  requiredChannels: string[];
};

export async function checkItem(
  input: { itemId: number },
  deps: { sql?: Sql; at?: Date } = {},
): Promise<AlertChange[]> {
  return checkItems([input.itemId], deps);
}

/**
 * Checks many items in one transaction (the check worker's batches); each id is checked once. The rescores
 * the check makes owed are recorded in the same transaction.
 */
export async function checkItems(itemIds: readonly number[], deps: { sql?: Sql; at?: Date } = {}): Promise<AlertChange[]> {
  const sql = deps.sql ?? pool;
  const rules = await getRules(sql);
  return sql.begin(async (tx) => {
    // the rescores read the items' departments and dates, which the check does not change: pipelined beside it
    const [changes] = await Promise.all([checkItemsIn(tx, itemIds, rules, deps.at ?? now()), oweScoreForItems(tx, itemIds)]);
    return changes;
  });
}

/** The check inside a caller's transaction (the seed raises the alerts of its history this way). */
export function checkItemIn(tx: Db, itemId: number, rules: readonly Rule[], at: Date): Promise<AlertChange[]> {
  return checkItemsIn(tx, [itemId], rules, at);
}

/**
 * Evaluates the items and their obligations and records every finding set-based: a fixed number of
 * statements per call whatever the number of items. Rows are locked in id order (items, then obligations),
 * so two workers checking overlapping batches wait for each other instead of deadlocking or racing on alerts.
 */
export async function checkItemsIn(tx: Db, itemIds: readonly number[], rules: readonly Rule[], at: Date): Promise<AlertChange[]> {
  const ids = [...new Set(itemIds)];
  if (ids.length === 0) return [];
  // items, then their obligations, locked in that order in one round trip (pipelined on the connection)
  const [items, obligations] = await Promise.all([
    tx<ItemForCheck[]>`
    select i.id, i.version, i.department_id as "departmentId", i.position_id as "positionId",
      i.region_code as "regionCode", r.path as "regionPath", d.org_code as "orgCode", d.name as "departmentName",
      c.id as "entryId", c.name as "entryName", c.domain, c.required_elements as "requiredElements",
      c.channels as "requiredChannels", i.index_no as "indexNo", i.doc_no as "docNo", i.publisher, i.summary,
      i.body, i.url, i.channels, i.fields, i.attachments, i.formed_at as "formedAt",
      i.published_at as "publishedAt", i.withdrawn_at as "withdrawnAt"
    from items i
    join catalog_entries c on c.id = i.catalog_entry_id
    join departments d on d.id = i.department_id
    join regions r on r.code = i.region_code
    where i.id = any(${ids}::bigint[])
    order by i.id
    for update of i`,
    // their own obligations, and any periodic obligation their publication fulfilled
    tx<ObligationForSweep[]>`
    select ${obligationForSweepColumns(tx)}
    from obligations o join catalog_entries c on c.id = o.catalog_entry_id join regions r on r.code = o.region_code
    where o.item_id = any(${ids}::bigint[]) or o.fulfilled_by_item_id = any(${ids}::bigint[])
    order by o.id
    for update of o`,
  ]);
  if (items.length === 0 && obligations.length === 0) return [];
  const raise: Finding[] = [];
  const clear: Clearing[] = [];
  const records: CheckRecord[] = [];
  for (const item of items) {
    const verdicts: CheckVerdict[] = [];
    for (const { outcome, verdict } of [judge('completeness', item, rules), judge('channel', item, rules)]) {
      verdicts.push(verdict);
      if ('note' in outcome) clear.push(outcome);
      else raise.push(outcome);
    }
    records.push({ itemId: item.id, itemVersion: item.version, judged: isJudged(item), verdicts });
  }
  const deadlines = planDeadlines(obligations, rules, at);
  // three statements that need nothing of each other, pipelined in one round trip; a substantiated
  // complaint's alert clears once the department publishes what it was about
  const [, , remedied] = await Promise.all([
    moveObligations(tx, deadlines.moves, at),
    recordChecks(tx, records, at),
    remediedViolations(tx, items.map((item) => item.id)),
  ]);
  return applyFindings(tx, { raise: [...raise, ...deadlines.raise], clear: [...clear, ...deadlines.clear, ...remedied] }, at);
}

interface Judged {
  outcome: Finding | Clearing;
  verdict: CheckVerdict;
}

const subjectOf = (item: ItemForCheck) => ({
  subjectType: 'item' as const,
  subjectId: item.id,
  subjectVersion: item.version,
  itemId: item.id,
  departmentId: item.departmentId,
  positionId: item.positionId,
  regionCode: item.regionCode,
  domain: item.domain,
});

// what a clearing says when the item passes: withdrawn items pass because nothing is left to judge
const PASSED_NOTES = { completeness: '信息已完整', channel: '已在全部要求的渠道发布' } as const;

function judge(kind: 'completeness' | 'channel', item: ItemForCheck, rules: readonly Rule[]): Judged {
  const key = { ruleKind: kind, subjectType: 'item', subjectId: item.id } as const;
  const finding = kind === 'completeness' ? completenessFinding(rules, item) : channelFinding(rules, item);
  if (!finding) {
    const verdict = verdictOf(kind, selectRule(rules, kind, item), null);
    return { outcome: { ...key, note: item.withdrawnAt ? '信息已撤回' : PASSED_NOTES[kind] }, verdict };
  }
  return {
    outcome: { ...key, ...subjectOf(item), ruleId: finding.rule.id, level: finding.rule.level, message: finding.message, details: finding.details },
    verdict: verdictOf(kind, finding.rule, finding.message),
  };
}
