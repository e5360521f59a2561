// After a commit: tell the desks. `complaint:updated` goes to the rooms of the complaint's region and every
// region above it, and to its department's room once it has been dispatched there (a 催办 reaches the
// department live). The payload is masked for everyone: socket rooms mix roles, and a handler's page
// fetches the full record when it needs it. Alert changes of the same step follow as alert events.
import { afterAlertChanges } from '../alerts/after-alert-changes';
import type { AlertChange } from '../alerts/apply-findings';
import type { Db } from '../db/sql';
import { emitToRooms, type RealtimeEmitter } from '../realtime/emit';
import { roomsForSubject } from '../realtime/rooms';
import type { ComplaintEventKind } from './complaint';
import { findComplaintSummary } from './queries';

export async function publishComplaintChange(
  db: Db,
  emitter: RealtimeEmitter,
  complaintId: number,
  events: readonly ComplaintEventKind[],
  alertChanges: readonly AlertChange[],
): Promise<void> {
  const [summary] = await Promise.all([findComplaintSummary(db, complaintId, false), afterAlertChanges(db, emitter, alertChanges)]);
  if (!summary) return;
  const [region] = await db<{ path: string }[]>`select path from regions where code = ${summary.regionId}`;
  if (!region) return;
  const departmentId = summary.assignedAt !== null ? summary.departmentId : null;
  emitToRooms(emitter, roomsForSubject(region.path, departmentId), 'complaint:updated', {
    complaint: summary,
    events: [...events],
  });
}
