// The alerts the engine would have raised over the seeded year, replayed in time order through the
// engine's own functions inside the seed's transaction: the check of every incomplete item when it was
// published, each open obligation's deadline alert at every threshold it has passed (yellow, then orange,
// then red), and — for the recent weeks the wall's daily chart shows — the alerts of obligations that were
// published late, raised at their thresholds and resolved when the item appeared. So the wall opens on the
// alerts, escalations, seq order and opened/resolved history a live year would have left.
import type { AlertChange } from '../lib/alerts/apply-findings';
import { obligationForSweepColumns, syncDeadlineAlert } from '../lib/alerts/sync-deadline-alert';
import type { ObligationForSweep } from '../lib/rules/deadline-rule';
import type { Db } from '../lib/db/sql';
import { checkItemIn } from '../lib/items/check-item';
import type { Rule } from '../lib/rules/rule';

/** How far back resolved history is replayed: the wall's daily chart covers 30 days. */
const RESOLVED_HISTORY_DAYS = 35;

interface Step {
  at: Date;
  run: () => Promise<AlertChange | null | AlertChange[]>;
}

/** Replays the history and returns how many alerts it opened. */
export async function raiseHistoryAlerts(
  tx: Db,
  input: { departmentIds: number[]; incompleteItems: { departmentId: number; externalId: string }[]; rules: readonly Rule[]; at: Date },
): Promise<number> {
  const steps: Step[] = [];
  const items = await tx<{ id: number; checkedAt: Date }[]>`
    select i.id, coalesce(i.published_at, i.formed_at) as "checkedAt" from items i
    join unnest(${input.incompleteItems.map((i) => i.departmentId)}::bigint[], ${input.incompleteItems.map((i) => i.externalId)}::text[])
      as wanted(department_id, external_id)
      on i.department_id = wanted.department_id and i.external_id = wanted.external_id
    order by i.id`;
  for (const item of items) {
    const at = item.checkedAt <= input.at ? item.checkedAt : input.at;
    steps.push({ at, run: () => checkItemIn(tx, item.id, input.rules, at) });
  }

  const resolvedSince = new Date(input.at.getTime() - RESOLVED_HISTORY_DAYS * 86_400_000);
  const obligations = await tx<ObligationForSweep[]>`
    select ${obligationForSweepColumns(tx)}
    from obligations o join catalog_entries c on c.id = o.catalog_entry_id join regions r on r.code = o.region_code
    where o.department_id = any(${input.departmentIds})
      and ((o.state = 'open' and o.level <> 'none')
        or (o.state = 'fulfilled' and o.fulfilled_at > o.warn_at and o.fulfilled_at between ${resolvedSince} and ${input.at}))
    order by o.id`;
  for (const obligation of obligations) {
    const end = obligation.fulfilledAt ?? input.at;
    // as the sweep saw it before the item was published
    const whileOpen: ObligationForSweep = { ...obligation, state: 'open', fulfilledAt: null, level: 'none' };
    const passed = [obligation.warnAt, obligation.dueAt, obligation.severeAt].filter((threshold) => threshold <= end);
    for (const threshold of passed) {
      steps.push({ at: threshold, run: () => syncDeadlineAlert(tx, whileOpen, input.rules, threshold) });
    }
    if (obligation.fulfilledAt) {
      const fulfilledAt = obligation.fulfilledAt;
      // the level the replay left on the row, so the sync sees the change back to none and writes it
      const levelBefore = (['none', 'yellow', 'orange', 'red'] as const)[passed.length]!;
      steps.push({ at: fulfilledAt, run: () => syncDeadlineAlert(tx, { ...obligation, level: levelBefore }, input.rules, fulfilledAt) });
    }
  }

  // seq is handed out in the order alerts change, so the replay runs in time order
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  let opened = 0;
  for (const step of steps) {
    const result = await step.run();
    opened += (Array.isArray(result) ? result : [result]).filter((change) => change?.change === 'opened').length;
  }
  return opened;
}
