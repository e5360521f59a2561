// After a commit: tell the office and the agency. `request:updated` goes to the rooms of the request's region and
// every region above it and to its department's room, with no personal data (see RequestUpdatePayload); the alert
// changes of the same step follow as alert events.
import { afterAlertChanges } from '../alerts/after-alert-changes';
import type { AlertChange } from '../alerts/apply-findings';
import type { Db } from '../db/sql';
import { emitToRooms, type RealtimeEmitter } from '../realtime/emit';
import { roomsForSubject } from '../realtime/rooms';
import { findRequestView } from './queries';
import type { RequestEventKind } from './request';

export async function publishRequestChange(
  db: Db,
  emitter: RealtimeEmitter,
  requestId: number,
  event: RequestEventKind | null,
  alertChanges: readonly AlertChange[],
): Promise<void> {
  const [request] = await Promise.all([findRequestView(db, requestId), afterAlertChanges(db, emitter, alertChanges)]);
  if (!request) return;
  emitToRooms(emitter, roomsForSubject(request.regionPath, request.departmentId), 'request:updated', {
    id: request.id,
    trackingCode: request.trackingCode,
    state: request.state,
    level: request.level,
    departmentId: request.departmentId,
    regionId: request.regionId,
    dueAt: request.dueAt,
    event,
  });
}
