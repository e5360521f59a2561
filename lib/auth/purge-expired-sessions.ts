// Expired and revoked sessions are kept a week for the record, then removed.
import type { Db } from '../db/sql';

const KEEP_MS = 7 * 24 * 3600 * 1000;

export async function purgeExpiredSessions(db: Db, at: Date): Promise<number> {
  const cutoff = new Date(at.getTime() - KEEP_MS);
  const result = await db`
    delete from sessions where expires_at < ${cutoff} or (revoked_at is not null and revoked_at < ${cutoff})`;
  return result.count;
}
