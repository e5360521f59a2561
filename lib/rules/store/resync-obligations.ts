// Moves open obligations to the thresholds the current rules and calendar give them, then brings their
// deadline alerts in line (syncDeadlineAlert, the sweep's own step). Used after a deadline rule changes
// and after a calendar year is loaded (provisional deadlines become final, due days may move).
import type { AlertChange } from '../../alerts/apply-findings';
import { syncDeadlineAlert } from '../../alerts/sync-deadline-alert';
import type { Calendar } from '../../calendar/calendar';
import type { Db } from '../../db/sql';
import { deadlineFinding } from '../deadline-rule';
import type { Rule } from '../rule';
import type { DeadlineSubjectRow } from './rule-subjects';

export interface ResyncResult {
  changes: AlertChange[];
  /** Obligations whose stored thresholds moved. */
  moved: number[];
}

/** Call inside a transaction; the subjects should be locked or freshly read in it. */
export async function resyncObligations(
  tx: Db,
  subjects: readonly DeadlineSubjectRow[],
  context: { rules: readonly Rule[]; calendar: Calendar; at: Date },
): Promise<ResyncResult> {
  const result: ResyncResult = { changes: [], moved: [] };
  for (const subject of subjects) {
    const { times } = deadlineFinding(context.rules, context.calendar, subject, context.at);
    let current = subject;
    if (
      times &&
      (times.warnAt.getTime() !== subject.warnAt.getTime() ||
        times.dueAt.getTime() !== subject.dueAt.getTime() ||
        times.severeAt.getTime() !== subject.severeAt.getTime() ||
        times.provisional !== subject.isProvisional)
    ) {
      await tx`
        update obligations set warn_at = ${times.warnAt}, due_at = ${times.dueAt}, severe_at = ${times.severeAt},
          is_provisional = ${times.provisional}, updated_at = ${context.at}
        where id = ${subject.id} and state = 'open'`;
      current = { ...subject, warnAt: times.warnAt, dueAt: times.dueAt, severeAt: times.severeAt, isProvisional: times.provisional };
      result.moved.push(subject.id);
    }
    const change = await syncDeadlineAlert(tx, current, context.rules, context.at);
    if (change) result.changes.push(change);
  }
  return result;
}
