// A substantiated complaint's alert resolves when the responsible department publishes what was missing: the
// named item published (and not withdrawn) by a version received after the finding, or — when the finding
// named only the catalog entry — any item of that entry so published by that department. Read by the check
// (lib/items/check-item.ts) for each batch of items, one statement whatever the batch's size.
import type { Clearing } from '../alerts/apply-findings';
import type { Db } from '../db/sql';

export async function remediedViolations(db: Db, itemIds: readonly number[]): Promise<Clearing[]> {
  if (itemIds.length === 0) return [];
  const rows = await db<{ complaintId: number; title: string }[]>`
    select distinct on (v.complaint_id) v.complaint_id as "complaintId", i.title
    from items i
    join complaint_violations v on v.withdrawn_at is null
      and (v.item_id = i.id or (v.item_id is null and v.catalog_entry_id = i.catalog_entry_id and v.department_id = i.department_id))
    where i.id = any(${[...itemIds]}::bigint[]) and i.published_at is not null and i.withdrawn_at is null
      and i.updated_at >= v.found_at
      and exists (
        select 1 from alerts a where a.rule_kind = 'complaint_substantiated' and a.subject_type = 'complaint'
          and a.subject_id = v.complaint_id and a.state <> 'resolved')
    order by v.complaint_id, i.id`;
  return rows.map((row) => ({
    ruleKind: 'complaint_substantiated',
    subjectType: 'complaint',
    subjectId: row.complaintId,
    note: `部门已公开「${row.title}」`,
  }));
}
