// The alerts the engine would have raised over the seeded year: the check of every incomplete item, and the
// deadline alert of every obligation still open. Through the engine's own functions, inside the seed's
// transaction, so the wall opens on the same alerts a live year would have left.
import type { AlertChange } from '../lib/alerts/record-finding';
import { obligationForSweepColumns, syncDeadlineAlert, type ObligationForSweep } from '../lib/alerts/sync-deadline-alert';
import type { Db } from '../lib/db/sql';
import { checkItemIn } from '../lib/items/check-item';
import type { Rule } from '../lib/rules/rule';

export async function raiseHistoryAlerts(
  tx: Db,
  input: { departmentIds: number[]; incompleteItems: { departmentId: number; externalId: string }[]; rules: readonly Rule[]; at: Date },
): Promise<number> {
  const changes: (AlertChange | null)[] = [];
  const items = await tx<{ id: number }[]>`
    select i.id from items i
    join unnest(${input.incompleteItems.map((i) => i.departmentId)}::bigint[], ${input.incompleteItems.map((i) => i.externalId)}::text[])
      as wanted(department_id, external_id)
      on i.department_id = wanted.department_id and i.external_id = wanted.external_id
    order by i.id`;
  for (const item of items) changes.push(...(await checkItemIn(tx, item.id, input.rules, input.at)));
  const open = await tx<ObligationForSweep[]>`
    select ${obligationForSweepColumns(tx)}
    from obligations o join catalog_entries c on c.id = o.catalog_entry_id join regions r on r.code = o.region_code
    where o.state = 'open' and o.department_id = any(${input.departmentIds}) and o.level <> 'none'
    order by o.id`;
  for (const obligation of open) changes.push(await syncDeadlineAlert(tx, obligation, input.rules, input.at));
  return changes.filter((change) => change !== null).length;
}
