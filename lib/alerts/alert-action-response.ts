// Maps an alert action's result to the contract's response, pushing the change live when there was one.
import type { Db } from '../db/sql';
import { apiError } from '../http/errors';
import type { RealtimeEmitter } from '../realtime/emit';
import type { AlertActionResult } from './acknowledge-alert';
import { publishAlertChanges } from './publish-alert-changes';

const ERROR_CODES = { 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'unknown_reference' } as const;

export async function alertActionResponse(db: Db, emitter: RealtimeEmitter, result: AlertActionResult): Promise<Response> {
  if (!result.ok) return apiError(result.status, ERROR_CODES[result.status], result.message, result.fields);
  if (result.changed) await publishAlertChanges(db, emitter, [{ alertId: result.alert.alert.id, change: 'updated' }]);
  return Response.json(result.alert.alert);
}
