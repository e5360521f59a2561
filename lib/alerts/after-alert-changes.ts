// What every action that changes alerts owes once its transaction has committed: the changes pushed live, and
// the rescores of the department-months they touch.
import type { Db } from '../db/sql';
import { log } from '../log';
import type { RealtimeEmitter } from '../realtime/emit';
import { oweScoreForAlerts } from '../scoring/store/score-job';
import type { AlertChange } from './apply-findings';
import { pushAlertChanges } from './push-alert-changes';

export async function afterAlertChanges(db: Db, emitter: RealtimeEmitter, changes: readonly AlertChange[]): Promise<void> {
  if (changes.length === 0) return;
  await pushAlertChanges(db, emitter, changes);
  await oweRescoresOfAlerts(db, [...new Set(changes.map((c) => c.alertId))]);
}

async function oweRescoresOfAlerts(db: Db, alertIds: readonly number[]): Promise<void> {
  try {
    await oweScoreForAlerts(db, alertIds);
  } catch (error) {
    // the alerts are committed and pushed; the nightly recompute repairs a rescore that could not be owed
    log.warn({ err: (error as Error).message }, 'rescore not owed');
  }
}
