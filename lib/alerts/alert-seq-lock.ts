// Every change of an alert takes a new seq from alert_seq while holding one transaction-scoped advisory
// lock, so seqs are handed out in commit order: a client that has seen seq N and asks for "everything after
// N" cannot miss a change that committed later with a smaller seq (DESIGN §1 Alert lifecycle). Take it only
// when something changes; it is held from the first alert write to the commit.
import type { Db } from '../db/sql';

const ALERT_SEQ_LOCK = 727_115_310;

export async function lockAlertSeq(tx: Db): Promise<void> {
  await tx`select pg_advisory_xact_lock(${ALERT_SEQ_LOCK})`;
}
