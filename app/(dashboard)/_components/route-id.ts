// A record id from a page URL, by the same rule as the API's (recordIdSchema); anything else is a 404.
import { recordIdSchema } from '../../../lib/http/record-id';

export function parseRouteId(raw: string): number | null {
  const id = recordIdSchema.safeParse(raw);
  return id.success ? id.data : null;
}
