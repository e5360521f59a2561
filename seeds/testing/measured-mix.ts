// Test support: the outcome of every item obligation due by a cutoff, measured from the stored rows with the
// engine's own rules (not from the planner's labels), so the seeds' stated mix is checked against what the
// product would see.
import type { Db } from '../../lib/db/sql';
import type { ItemContentColumns, ItemRow } from '../../lib/items/item-row';
import { missingChannels } from '../../lib/rules/evaluate-channels';
import { evaluateCompleteness } from '../../lib/rules/evaluate-completeness';
import { parseRuleParams } from '../../lib/rules/rule';
import type { Outcome } from '../item-planner';

export async function measureOutcomes(db: Db, cutoff: Date): Promise<{ total: number; counts: Record<Outcome, number> }> {
  const rows = await db<
    (Pick<ItemRow, ItemContentColumns> & {
      state: string;
      is_late: boolean | null;
      required_elements: string[];
      entry_channels: string[];
      org_code: string;
      department_name: string;
    })[]
  >`
    select o.state, o.is_late, i.index_no, i.doc_no, i.publisher, i.summary, i.body, i.url, i.channels, i.fields,
      i.attachments, i.formed_at, c.required_elements, c.channels as entry_channels, d.org_code,
      d.name as department_name
    from obligations o
    join items i on i.id = o.item_id
    join catalog_entries c on c.id = o.catalog_entry_id
    join departments d on d.id = o.department_id
    where o.due_at <= ${cutoff}`;
  const params = parseRuleParams('completeness', {});
  const counts: Record<Outcome, number> = { on_time: 0, late: 0, incomplete: 0, unpublished: 0 };
  for (const row of rows) {
    if (row.state === 'open') counts.unpublished++;
    else if (row.is_late) counts.late++;
    else {
      const findings = evaluateCompleteness({
        item: { ...row, indexNo: row.index_no, docNo: row.doc_no, formedAt: row.formed_at },
        entry: { requiredElements: row.required_elements },
        department: { orgCode: row.org_code, name: row.department_name },
        params,
      });
      if (findings.length > 0 || missingChannels(row.channels, row.entry_channels).length > 0) counts.incomplete++;
      else counts.on_time++;
    }
  }
  return { total: rows.length, counts };
}
