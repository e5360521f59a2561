// After a commit: push each changed alert to the rooms of its department and of every region above it.
import type { Db } from '../db/sql';
import { emitToRooms, type RealtimeEmitter } from '../realtime/emit';
import { roomsForSubject } from '../realtime/rooms';
import { findAlertsByIds } from './alert';
import type { AlertChange } from './apply-findings';

export async function pushAlertChanges(db: Db, emitter: RealtimeEmitter, changes: readonly AlertChange[]): Promise<void> {
  const opened = new Set(changes.filter((c) => c.change === 'opened').map((c) => c.alertId));
  const alerts = await findAlertsByIds(db, [...new Set(changes.map((c) => c.alertId))]);
  for (const { alert, regionPath } of alerts) {
    const event = opened.has(alert.id) && alert.state === 'open' ? 'alert:opened' : 'alert:updated';
    emitToRooms(emitter, roomsForSubject(regionPath, alert.departmentId), event, alert);
  }
}
