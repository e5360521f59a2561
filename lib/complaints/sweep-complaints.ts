// One SLA pass (DESIGN §2 `sla` queue): complaints whose next warn / due / severe instant has come, read
// through the partial index complaints_next_check (a pass that finds nothing costs about a millisecond),
// each moved to its level with its complaint_sla alert. Rows locked by another process are skipped.
import type { AlertChange } from '../alerts/apply-findings';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Db, Sql } from '../db/sql';
import { getRules } from '../rules/store/queries';
import { complaintForSlaColumns, syncComplaintSla, type ComplaintForSla } from './sync-complaint-sla';

export const SLA_BATCH_SIZE = 500;

export function dueComplaintsQuery(db: Db, at: Date, limit: number) {
  return db<ComplaintForSla[]>`
    with due as materialized (
      select * from complaints
      where state <> 'closed' and next_check_at is not null and next_check_at <= ${at}
      order by next_check_at
      limit ${limit}
      for update skip locked
    )
    select ${complaintForSlaColumns(db)}
    from due c
    join regions r on r.code = c.region_code
    left join catalog_entries ce on ce.id = c.catalog_entry_id
    order by c.next_check_at`;
}

export interface SlaSweepResult {
  examined: number;
  /** Complaints whose level changed, with the alert change it made (if any). */
  moved: { complaintId: number; changes: AlertChange[] }[];
  hasMore: boolean;
}

export async function sweepComplaints(sql: Sql, at: Date, limit = SLA_BATCH_SIZE): Promise<SlaSweepResult> {
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin(async (tx) => {
    const due = await dueComplaintsQuery(tx, at, limit);
    const moved: SlaSweepResult['moved'] = [];
    for (const complaint of due) {
      const before = complaint.level;
      const changes = await syncComplaintSla(tx, complaint, rules, cal, at);
      const [after] = await tx<{ level: string }[]>`select level from complaints where id = ${complaint.id}`;
      if (changes.length > 0 || after?.level !== before) moved.push({ complaintId: complaint.id, changes });
    }
    return { examined: due.length, moved, hasMore: due.length === limit };
  });
}
