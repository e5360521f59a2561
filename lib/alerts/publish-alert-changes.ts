// After a commit: push each changed alert to the rooms of its department and of every region above it.
import type { Db } from '../db/sql';
import { log } from '../log';
import { emitToRooms, type RealtimeEmitter } from '../realtime/emit';
import { roomsForSubject } from '../realtime/rooms';
import { oweScoreForAlerts } from '../scoring/store/score-job';
import { findAlertsByIds } from './alert';
import type { AlertChange } from './apply-findings';

export async function publishAlertChanges(db: Db, emitter: RealtimeEmitter, changes: readonly AlertChange[]): Promise<void> {
  if (changes.length === 0) return;
  const opened = new Set(changes.filter((c) => c.change === 'opened').map((c) => c.alertId));
  const alerts = await findAlertsByIds(db, [...new Set(changes.map((c) => c.alertId))]);
  for (const { alert, regionPath } of alerts) {
    const event = opened.has(alert.id) && alert.state === 'open' ? 'alert:opened' : 'alert:updated';
    emitToRooms(emitter, roomsForSubject(regionPath, alert.departmentId), event, alert);
  }
  try {
    await oweScoreForAlerts(db, alerts.map(({ alert }) => alert.id));
  } catch (error) {
    // the alerts are committed and pushed; the nightly recompute repairs a rescore that could not be owed
    log.warn({ err: (error as Error).message }, 'rescore not owed');
  }
}
