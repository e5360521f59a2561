// Maps an alert action's result to the contract's response, pushing the change live when there was one.
import type { Db } from '../db/sql';
import { apiError } from '../http/errors';
import type { RealtimeEmitter } from '../realtime/emit';
import type { AlertActionResult } from './acknowledge-alert';
import { publishAlertChanges } from './publish-alert-changes';

export async function alertActionResponse(db: Db, emitter: RealtimeEmitter, result: AlertActionResult): Promise<Response> {
  if (!result.ok) {
    const code = result.status === 404 ? 'not_found' : result.status === 403 ? 'forbidden' : 'conflict';
    return apiError(result.status, code, result.message);
  }
  if (result.changed) await publishAlertChanges(db, emitter, [{ alertId: result.alert.alert.id, change: 'updated' }]);
  return Response.json(result.alert.alert);
}
