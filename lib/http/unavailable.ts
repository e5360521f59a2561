// The contract's 503 (DESIGN §3) for a route whose work threw. 503 is the only server error the contract
// knows, so every throw answers it; the log tells an absent Postgres (it passes when Postgres returns) from a
// query that failed on its own, which wants a look.
import { isDatabaseUnavailable } from '../db/is-database-unavailable';
import { log } from '../log';
import { apiError } from './errors';

export const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试';

export const unavailable = (message = UNAVAILABLE_MESSAGE): Response => apiError(503, 'unavailable', message);

/** Logs what failed (`event`, e.g. 'user list failed') and answers 503. */
export function unavailableAfter(error: unknown, event: string, context: Record<string, unknown> = {}, message?: string): Response {
  const err = error instanceof Error ? error.message : String(error);
  if (isDatabaseUnavailable(error)) log.error({ err, ...context }, `${event}: database unavailable`);
  else log.error({ err, stack: error instanceof Error ? error.stack : undefined, ...context }, event);
  return unavailable(message);
}

/**
 * A route handler that answers 503 when it throws, instead of Next.js's HTML 500:
 *
 *   export const GET = orUnavailable('user list failed', async (request: Request) => { … });
 */
export function orUnavailable<A extends [Request, ...unknown[]]>(
  event: string,
  handler: (...args: A) => Promise<Response>,
  options: { message?: string } = {},
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const request = args[0];
      return unavailableAfter(error, event, { method: request.method, path: new URL(request.url).pathname }, options.message);
    }
  };
}
