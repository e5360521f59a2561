// Opens the current period's obligations of every periodic and fixed-date entry (monthly reports, the annual
// report by 31 January, …), then raises the deadline alert of any that open already past a threshold.
import type { AlertChange } from '../alerts/apply-findings';
import { obligationForSweepColumns, syncDeadlineAlert } from '../alerts/sync-deadline-alert';
import type { ObligationForSweep } from '../rules/deadline-rule';
import type { Sql } from '../db/sql';
import { openPeriodObligations } from './open-period-obligations';
import { getRules } from '../rules/store/queries';

export async function openPeriodsAndAlert(sql: Sql, at: Date): Promise<{ opened: number; changes: AlertChange[] }> {
  const rules = await getRules(sql);
  return sql.begin(async (tx) => {
    const { opened } = await openPeriodObligations(tx, { at, rules });
    const late = opened.filter((obligation) => obligation.level !== 'none').map((obligation) => obligation.id);
    const changes: AlertChange[] = [];
    if (late.length > 0) {
      const rows = await tx<ObligationForSweep[]>`
        select ${obligationForSweepColumns(tx)}
        from obligations o join catalog_entries c on c.id = o.catalog_entry_id join regions r on r.code = o.region_code
        where o.id = any(${late})`;
      // stored level already says where it stands; the alert is what is missing
      for (const row of rows) {
        const change = await syncDeadlineAlert(tx, { ...row, level: 'none' }, rules, at);
        if (change) changes.push(change);
      }
    }
    return { opened: opened.length, changes };
  });
}
