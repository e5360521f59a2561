// Opening, raising and auto-resolving alerts from rule findings (DESIGN §1 Alert lifecycle).
//
// Every change takes a new seq from alert_seq while holding one transaction-scoped advisory lock, so seqs
// are handed out in commit order: a client that has seen seq N and asks for "everything after N" cannot
// miss a change that committed later with a smaller seq. The lock is taken only when something changes,
// and held from the first alert write to the commit, which is the end of short transactions.
import type { Db } from '../db/sql';
import type { AlertLevel, RuleKind, SubjectType } from './alert';

const ALERT_SEQ_LOCK = 727_115_310;

export interface AlertKey {
  ruleKind: RuleKind;
  subjectType: SubjectType;
  subjectId: number;
}

export interface Finding extends AlertKey {
  ruleId: number;
  level: AlertLevel;
  /** The subject's version: a manual resolve holds until the subject changes (a new version). */
  subjectVersion: number;
  itemId?: number | null;
  obligationId?: number | null;
  complaintId?: number | null;
  departmentId: number;
  positionId?: number | null;
  regionCode: string;
  domain?: string | null;
  message: string;
  details?: Record<string, unknown>;
}

export interface AlertChange {
  alertId: number;
  change: 'opened' | 'updated';
}

interface UnresolvedRow {
  id: number;
  level: AlertLevel;
  message: string;
  subject_version: number;
}

export async function lockAlertSeq(tx: Db): Promise<void> {
  await tx`select pg_advisory_xact_lock(${ALERT_SEQ_LOCK})`;
}

async function findUnresolved(tx: Db, key: AlertKey, forUpdate: boolean): Promise<UnresolvedRow | undefined> {
  const [row] = await tx<UnresolvedRow[]>`
    select id, level, message, subject_version from alerts
    where rule_kind = ${key.ruleKind} and subject_type = ${key.subjectType} and subject_id = ${key.subjectId}
      and state <> 'resolved'
    ${forUpdate ? tx`for update` : tx``}`;
  return row;
}

const needsUpdate = (row: UnresolvedRow, finding: Finding) =>
  row.level !== finding.level || row.message !== finding.message || row.subject_version !== finding.subjectVersion;

/**
 * Opens the finding's alert, or brings the unresolved one up to date (level, message). Returns null when
 * nothing changed, or when a manual resolve of this subject version still holds. Must run in a transaction.
 */
export async function raiseAlert(tx: Db, finding: Finding, at: Date): Promise<AlertChange | null> {
  const current = await findUnresolved(tx, finding, false);
  if (current && !needsUpdate(current, finding)) return null;
  await lockAlertSeq(tx);
  const locked = await findUnresolved(tx, finding, true);
  if (locked) return updateAlert(tx, locked, finding, at);

  const [suppressed] = await tx`
    select 1 from alerts
    where rule_kind = ${finding.ruleKind} and subject_type = ${finding.subjectType} and subject_id = ${finding.subjectId}
      and resolution = 'manual' and subject_version = ${finding.subjectVersion}
    limit 1`;
  if (suppressed) return null;

  const [inserted] = await tx<{ id: number; seq: number }[]>`
    insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, subject_version, item_id,
      obligation_id, complaint_id, department_id, position_id, region_code, domain, message, details, opened_at,
      updated_at)
    values (${finding.ruleId}, ${finding.ruleKind}, ${finding.level}, 'open', ${finding.subjectType},
      ${finding.subjectId}, ${finding.subjectVersion}, ${finding.itemId ?? null}, ${finding.obligationId ?? null},
      ${finding.complaintId ?? null}, ${finding.departmentId}, ${finding.positionId ?? null}, ${finding.regionCode},
      ${finding.domain ?? null}, ${finding.message}, ${tx.json((finding.details ?? {}) as never)}, ${at}, ${at})
    returning id, seq`;
  if (!inserted) throw new Error('alert insert returned no row');
  await tx`
    insert into alert_events (alert_id, seq, kind, at, actor, to_level, note)
    values (${inserted.id}, ${inserted.seq}, 'opened', ${at}, 'system', ${finding.level}, ${finding.message})`;
  return { alertId: inserted.id, change: 'opened' };
}

async function updateAlert(tx: Db, row: UnresolvedRow, finding: Finding, at: Date): Promise<AlertChange | null> {
  if (!needsUpdate(row, finding)) return null;
  const [updated] = await tx<{ seq: number }[]>`
    update alerts set level = ${finding.level}, message = ${finding.message}, subject_version = ${finding.subjectVersion},
      details = ${tx.json((finding.details ?? {}) as never)}, rule_id = ${finding.ruleId},
      seq = nextval('alert_seq'), updated_at = ${at}
    where id = ${row.id}
    returning seq`;
  const kind = row.level !== finding.level ? 'level_changed' : 'updated';
  await tx`
    insert into alert_events (alert_id, seq, kind, at, actor, from_level, to_level, note)
    values (${row.id}, ${updated!.seq}, ${kind}, ${at}, 'system', ${row.level}, ${finding.level}, ${finding.message})`;
  return { alertId: row.id, change: 'updated' };
}

/** Resolves the unresolved alert of this key automatically (the condition cleared); null when there is none. */
export async function clearAlert(tx: Db, key: AlertKey, at: Date, note: string): Promise<AlertChange | null> {
  if (!(await findUnresolved(tx, key, false))) return null;
  await lockAlertSeq(tx);
  const [resolved] = await tx<{ id: number; seq: number; level: AlertLevel }[]>`
    update alerts set state = 'resolved', resolution = 'auto', resolved_at = ${at}, resolved_by = 'system',
      seq = nextval('alert_seq'), updated_at = ${at}
    where rule_kind = ${key.ruleKind} and subject_type = ${key.subjectType} and subject_id = ${key.subjectId}
      and state <> 'resolved'
    returning id, seq, level`;
  if (!resolved) return null;
  await tx`
    insert into alert_events (alert_id, seq, kind, at, actor, from_level, note)
    values (${resolved.id}, ${resolved.seq}, 'resolved', ${at}, 'system', ${resolved.level}, ${note})`;
  return { alertId: resolved.id, change: 'updated' };
}
