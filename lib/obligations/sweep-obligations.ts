// One sweep pass: obligations whose next warn / due / severe instant has come, read through the partial
// index obligations_next_check (so a pass that finds nothing costs about a millisecond), each moved to its
// level with its deadline alert. Rows locked by another sweeper are skipped, never waited for. A batch is
// set-based (syncDeadlineAlerts): a fixed number of statements whatever the number of crossings, so the
// midnight bursts, when thousands of obligations cross at 00:00, reach the wall in about a second.
import type { AlertChange } from '../alerts/apply-findings';
import { obligationForSweepColumns, syncDeadlineAlerts } from '../alerts/sync-deadline-alert';
import type { ObligationForSweep } from '../rules/deadline-rule';
import type { Db, Sql } from '../db/sql';
import { getRules } from '../rules/store/queries';

export const SWEEP_BATCH_SIZE = 500;

export function dueObligationsQuery(db: Db, at: Date, limit: number) {
  // the due rows are found (and locked) first, then joined by primary key, so a pass costs what it finds
  return db<ObligationForSweep[]>`
    with due as materialized (
      select * from obligations
      where state = 'open' and next_check_at is not null and next_check_at <= ${at}
      order by next_check_at
      limit ${limit}
      for update skip locked
    )
    select ${obligationForSweepColumns(db)}
    from due o
    join catalog_entries c on c.id = o.catalog_entry_id
    join regions r on r.code = o.region_code
    order by o.next_check_at`;
}

export interface SweepResult {
  examined: number;
  changes: AlertChange[];
  /** True when the batch was full: more obligations may be waiting. */
  hasMore: boolean;
}

export async function sweepObligations(sql: Sql, at: Date, limit = SWEEP_BATCH_SIZE): Promise<SweepResult> {
  const rules = await getRules(sql);
  return sql.begin(async (tx) => {
    const due = await dueObligationsQuery(tx, at, limit);
    const changes = due.length > 0 ? await syncDeadlineAlerts(tx, due, rules, at) : [];
    return { examined: due.length, changes, hasMore: due.length === limit };
  });
}
