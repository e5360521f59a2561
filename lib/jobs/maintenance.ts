// The maintenance queue: housekeeping that no user waits for.
import { z } from 'zod';
import { purgeExpiredSessions } from '../auth/purge-expired-sessions';
import { now } from '../clock';
import { sql } from '../db/sql';
import { defineJob } from './define-job';

export const MAINTENANCE_QUEUE = 'maintenance';

export const purgeSessionsJob = defineJob({
  name: 'purge-sessions',
  queue: MAINTENANCE_QUEUE,
  schema: z.object({}),
  handle: async () => ({ deleted: await purgeExpiredSessions(sql, now()) }),
});

export const maintenanceSchedules = [
  { id: 'purge-sessions-hourly', job: purgeSessionsJob, every: 3600 * 1000 },
] as const;
