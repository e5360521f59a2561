// The monthly report's 依申请公开 figures for a region's subtree: requests received in the month, replies given in
// it (on time or late against the deadline in force), and requests still unanswered past their deadline when the
// month ended (or at `at`, for a month still running). Read from the requests table (migration 0059).
import type { Db } from '../db/sql';
import type { ReportData } from './report-data';

export async function countRequestFigures(
  db: Db,
  input: { regionPath: string; start: Date; end: Date; at: Date },
): Promise<NonNullable<ReportData['requests']>> {
  const { start, end, at } = input;
  const cutoff = at < end ? at : end;
  const [row] = await db<NonNullable<ReportData['requests']>[]>`
    select
      count(*) filter (where q.received_at >= ${start} and q.received_at < ${cutoff})::int as received,
      count(*) filter (where q.replied_at >= ${start} and q.replied_at < ${cutoff})::int as replied,
      count(*) filter (where q.replied_at >= ${start} and q.replied_at < ${cutoff} and q.replied_at <= q.due_at)::int as "repliedOnTime",
      count(*) filter (where q.replied_at >= ${start} and q.replied_at < ${cutoff} and q.replied_at > q.due_at)::int as "repliedLate",
      -- owed a reply at the cutoff: received, not waiting for the applicant's correction, not ended
      count(*) filter (where q.due_at <= ${cutoff} and q.received_at < ${cutoff}
        and (q.replied_at is null or q.replied_at >= ${cutoff})
        and q.state not in ('submitted', 'correction_requested')
        and not (q.state in ('abandoned', 'withdrawn') and q.closed_at < ${cutoff}))::int as overdue
    from requests q join regions r on r.code = q.region_code
    where (r.path = ${input.regionPath} or r.path like ${`${input.regionPath}.%`})
      and (q.received_at < ${cutoff} or q.replied_at < ${cutoff})`;
  return row!;
}
