// GET /api/health – liveness of the web process and its dependencies; 503 when one is down
import { sql } from '../../../lib/db/sql';
import { checkHealth } from '../../../lib/health/check-health';
import { orUnavailable } from '../../../lib/http/unavailable';
import { redis } from '../../../lib/redis/connection';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = orUnavailable('GET /api/health failed', async (): Promise<Response> => {
  const health = await checkHealth(sql, redis());
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
});
