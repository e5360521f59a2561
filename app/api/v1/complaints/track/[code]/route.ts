// GET /api/v1/complaints/track/:code?phone4= – a citizen follows a complaint (no login, no personal data)
import { trackComplaint } from '../../../../../../lib/complaints/track-complaint';
import { sql } from '../../../../../../lib/db/sql';
import { orUnavailable } from '../../../../../../lib/http/unavailable';
import { readTrackingLookup, trackNotFound } from '../../public-answers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/v1/complaints/track/:code failed', async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
  const lookup = await readTrackingLookup(request, (await context.params).code, trackNotFound);
  if (lookup instanceof Response) return lookup;
  const tracked = await trackComplaint(sql, lookup.code, lookup.phone4);
  return tracked ? Response.json(tracked) : trackNotFound();
});
