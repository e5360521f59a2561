// The answer of an alert action (ack, resolve, assign): its refusal, or the changed alert once the change is
// pushed live and its rescores owed (afterAlertChanges: the effects after its commit).
import type { AlertActionResult } from '../../../../lib/alerts/acknowledge-alert';
import { afterAlertChanges } from '../../../../lib/alerts/after-alert-changes';
import type { Db } from '../../../../lib/db/sql';
import { refusalResponse } from '../../../../lib/http/refusal-response';
import type { RealtimeEmitter } from '../../../../lib/realtime/emit';

export async function alertActionResponse(db: Db, emitter: RealtimeEmitter, result: AlertActionResult): Promise<Response> {
  if (!result.ok) return refusalResponse(result);
  if (result.changed) await afterAlertChanges(db, emitter, [{ alertId: result.alert.alert.id, change: 'updated' }]);
  return Response.json(result.alert.alert);
}
