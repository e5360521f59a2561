// One pass of the request sweep: requests whose next threshold (the 确认收到, 补正 or reply clock's warn / due /
// severe instant, or the next day while a consultation runs) has come, read through the partial index
// requests_next_check (a pass that finds nothing costs about a millisecond), each moved to its level with its
// alert. Rows locked by another process are skipped; the application's clock gives `at`, never SQL now().
import type { AlertChange } from '../alerts/apply-findings';
import { getCalendar } from '../calendar/store/calendar-cache';
import type { Sql } from '../db/sql';
import { getRules } from '../rules/store/queries';
import { requestForSyncColumns, syncRequest, type RequestForSync } from './sync-request';

export const REQUEST_SWEEP_BATCH_SIZE = 500;

export interface RequestSweepResult {
  examined: number;
  /** Requests whose level changed or whose alerts changed. */
  moved: { requestId: number; changes: AlertChange[] }[];
  hasMore: boolean;
}

export async function sweepRequests(sql: Sql, at: Date, limit = REQUEST_SWEEP_BATCH_SIZE): Promise<RequestSweepResult> {
  const [rules, cal] = await Promise.all([getRules(sql), getCalendar(sql)]);
  return sql.begin(async (tx) => {
    const due = await tx<RequestForSync[]>`
      with due as materialized (
        select * from requests
        where state in ('submitted', 'received', 'correction_requested', 'consulting')
          and next_check_at is not null and next_check_at <= ${at}
        order by next_check_at
        limit ${limit}
        for update skip locked
      )
      select ${requestForSyncColumns(tx)}
      from due q join regions r on r.code = q.region_code
      order by q.next_check_at`;
    const moved: RequestSweepResult['moved'] = [];
    for (const request of due) {
      const changes = await syncRequest(tx, request, rules, cal, at);
      const [after] = await tx<{ level: string }[]>`select level from requests where id = ${request.id}`;
      if (changes.length > 0 || after?.level !== request.level) moved.push({ requestId: request.id, changes });
    }
    return { examined: due.length, moved, hasMore: due.length === limit };
  });
}
