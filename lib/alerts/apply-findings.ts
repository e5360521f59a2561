// Opening, raising and auto-resolving alerts from rule findings (DESIGN §1 Alert lifecycle), many at a
// time in a fixed number of statements whatever their count: the sweep's midnight bursts and the check
// worker's batches send a few statements per batch; raiseAlert and clearAlert are batches of one.
//
// An unlocked read of the unresolved alerts first (nothing to do → no lock taken); then the seq lock
// (alert-seq-lock.ts), the same rows again `for update`, the manual-resolve rule (a manual resolve holds for
// the subject version it was made on), inserts, updates (level_changed / updated), auto-resolutions, and one
// alert_event per change. Keys are matched per class (rule kind × subject type) with `subject_id = any(…)`,
// so each read is an index scan of alerts_one_unresolved / alerts_subject.
import type { Db } from '../db/sql';
import type { AlertLevel, RuleKind } from '../rules/rule';
import type { SubjectType } from './alert';
import { lockAlertSeq } from './alert-seq-lock';

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
  requestId?: number | null;
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

export interface Clearing extends AlertKey {
  /** The note of the 'resolved' event (why the condition cleared). */
  note: string;
}

interface UnresolvedRow {
  id: number;
  rule_kind: RuleKind;
  subject_type: SubjectType;
  subject_id: number;
  level: AlertLevel;
  message: string;
  subject_version: number;
}

const keyOf = (key: AlertKey) => `${key.ruleKind}/${key.subjectType}/${key.subjectId}`;
const rowKey = (row: { rule_kind: string; subject_type: string; subject_id: number }) =>
  `${row.rule_kind}/${row.subject_type}/${row.subject_id}`;

const needsUpdate = (row: UnresolvedRow, finding: Finding) =>
  row.level !== finding.level || row.message !== finding.message || row.subject_version !== finding.subjectVersion;

/** `(rule_kind = … and subject_type = … and subject_id = any(…)) or …`, one term per class of key. */
function keyFilter(db: Db, keys: readonly AlertKey[]) {
  const classes = new Map<string, { ruleKind: RuleKind; subjectType: SubjectType; ids: number[] }>();
  for (const key of keys) {
    const name = `${key.ruleKind}/${key.subjectType}`;
    let entry = classes.get(name);
    if (!entry) classes.set(name, (entry = { ruleKind: key.ruleKind, subjectType: key.subjectType, ids: [] }));
    entry.ids.push(key.subjectId);
  }
  const terms = [...classes.values()].map(
    (c) => db`(rule_kind = ${c.ruleKind} and subject_type = ${c.subjectType} and subject_id = any(${c.ids}::bigint[]))`,
  );
  return terms.slice(1).reduce((all, term) => db`${all} or ${term}`, terms[0]!);
}

async function findUnresolved(db: Db, keys: readonly AlertKey[], forUpdate: boolean): Promise<Map<string, UnresolvedRow>> {
  const rows = await db<UnresolvedRow[]>`
    select id, rule_kind, subject_type, subject_id, level, message, subject_version from alerts
    where state <> 'resolved' and (${keyFilter(db, keys)})
    order by id
    ${forUpdate ? db`for update` : db``}`;
  return new Map(rows.map((row) => [rowKey(row), row]));
}

interface EventRow {
  alertId: number;
  seq: number;
  kind: 'opened' | 'level_changed' | 'updated' | 'resolved';
  from: AlertLevel | null;
  to: AlertLevel | null;
  note: string;
}

/**
 * Opens or updates the alert of every finding and auto-resolves the alert of every clearing, in the caller's
 * transaction. A key may appear once across both lists. Returns the alerts that changed, for the push after
 * the commit.
 */
export async function applyFindings(
  tx: Db,
  input: { raise: readonly Finding[]; clear: readonly Clearing[] },
  at: Date,
): Promise<AlertChange[]> {
  const keys = [...input.raise, ...input.clear];
  if (keys.length === 0) return [];
  if (new Set(keys.map(keyOf)).size !== keys.length) throw new Error('applyFindings: a key appears twice');

  const current = await findUnresolved(tx, keys, false);
  const raising = input.raise.filter((f) => {
    const row = current.get(keyOf(f));
    return !row || needsUpdate(row, f);
  });
  const clearing = input.clear.filter((c) => current.has(keyOf(c)));
  if (raising.length === 0 && clearing.length === 0) return [];

  // the lock, the locked re-read and the manual resolves in one round trip: postgres.js pipelines them on the
  // transaction's connection and Postgres runs them in this order, so the reads come after the lock
  const [, locked, held] = await Promise.all([
    lockAlertSeq(tx),
    findUnresolved(tx, [...raising, ...clearing], true),
    raising.length > 0 ? manuallyResolved(tx, raising) : Promise.resolve(new Set<string>()),
  ]);
  const toUpdate = raising.filter((f) => {
    const row = locked.get(keyOf(f));
    return row !== undefined && needsUpdate(row, f);
  });
  // a manual resolve of this subject version holds (DESIGN §1)
  const toInsert = raising.filter((f) => !locked.has(keyOf(f)) && !held.has(`${keyOf(f)}@${f.subjectVersion}`));

  const events: EventRow[] = [];
  const changes: AlertChange[] = [];

  if (toInsert.length > 0) {
    const inserted = await tx<{ id: number; seq: number; rule_kind: string; subject_type: string; subject_id: number }[]>`
      insert into alerts (rule_id, rule_kind, level, state, subject_type, subject_id, subject_version, item_id,
        obligation_id, complaint_id, request_id, department_id, position_id, region_code, domain, message, details,
        opened_at, updated_at)
      select v.rule_id, v.rule_kind, v.level, 'open', v.subject_type, v.subject_id, v.subject_version, v.item_id,
        v.obligation_id, v.complaint_id, v.request_id, v.department_id, v.position_id, v.region_code, v.domain, v.message,
        v.details::jsonb, ${at}, ${at}
      from unnest(
        ${toInsert.map((f) => f.ruleId)}::bigint[], ${toInsert.map((f) => f.ruleKind)}::text[],
        ${toInsert.map((f) => f.level)}::text[], ${toInsert.map((f) => f.subjectType)}::text[],
        ${toInsert.map((f) => f.subjectId)}::bigint[], ${toInsert.map((f) => f.subjectVersion)}::int[],
        ${toInsert.map((f) => f.itemId ?? null)}::bigint[], ${toInsert.map((f) => f.obligationId ?? null)}::bigint[],
        ${toInsert.map((f) => f.complaintId ?? null)}::bigint[], ${toInsert.map((f) => f.requestId ?? null)}::bigint[],
        ${toInsert.map((f) => f.departmentId)}::bigint[],
        ${toInsert.map((f) => f.positionId ?? null)}::bigint[], ${toInsert.map((f) => f.regionCode)}::text[],
        ${toInsert.map((f) => f.domain ?? null)}::text[], ${toInsert.map((f) => f.message)}::text[],
        ${toInsert.map((f) => JSON.stringify(f.details ?? {}))}::text[]
      ) with ordinality as v(rule_id, rule_kind, level, subject_type, subject_id, subject_version, item_id,
        obligation_id, complaint_id, request_id, department_id, position_id, region_code, domain, message, details, n)
      order by v.n
      returning id, seq, rule_kind, subject_type, subject_id`;
    const byKey = new Map(toInsert.map((f) => [keyOf(f), f]));
    for (const row of inserted) {
      const finding = byKey.get(rowKey(row))!;
      events.push({ alertId: row.id, seq: row.seq, kind: 'opened', from: null, to: finding.level, note: finding.message });
      changes.push({ alertId: row.id, change: 'opened' });
    }
  }

  if (toUpdate.length > 0) {
    const before = new Map(toUpdate.map((f) => [locked.get(keyOf(f))!.id, { row: locked.get(keyOf(f))!, finding: f }]));
    const ids = [...before.keys()];
    const updated = await tx<{ id: number; seq: number }[]>`
      update alerts a set level = v.level, message = v.message, subject_version = v.subject_version,
        details = v.details::jsonb, rule_id = v.rule_id, seq = nextval('alert_seq'), updated_at = ${at}
      from unnest(
        ${ids}::bigint[], ${ids.map((id) => before.get(id)!.finding.level)}::text[],
        ${ids.map((id) => before.get(id)!.finding.message)}::text[],
        ${ids.map((id) => before.get(id)!.finding.subjectVersion)}::int[],
        ${ids.map((id) => JSON.stringify(before.get(id)!.finding.details ?? {}))}::text[],
        ${ids.map((id) => before.get(id)!.finding.ruleId)}::bigint[]
      ) as v(id, level, message, subject_version, details, rule_id)
      where a.id = v.id
      returning a.id, a.seq`;
    for (const { id, seq } of updated) {
      const { row, finding } = before.get(id)!;
      const kind = row.level !== finding.level ? 'level_changed' : 'updated';
      events.push({ alertId: id, seq, kind, from: row.level, to: finding.level, note: finding.message });
      changes.push({ alertId: id, change: 'updated' });
    }
  }

  const resolving = clearing.filter((c) => locked.has(keyOf(c)));
  if (resolving.length > 0) {
    const notes = new Map(resolving.map((c) => [locked.get(keyOf(c))!.id, c.note]));
    const resolved = await tx<{ id: number; seq: number; level: AlertLevel }[]>`
      update alerts set state = 'resolved', resolution = 'auto', resolved_at = ${at}, resolved_by = 'system',
        seq = nextval('alert_seq'), updated_at = ${at}
      where id = any(${[...notes.keys()]}::bigint[]) and state <> 'resolved'
      returning id, seq, level`;
    for (const { id, seq, level } of resolved) {
      events.push({ alertId: id, seq, kind: 'resolved', from: level, to: null, note: notes.get(id)! });
      changes.push({ alertId: id, change: 'updated' });
    }
  }

  if (events.length > 0) {
    await tx`
      insert into alert_events (alert_id, seq, kind, at, actor, from_level, to_level, note)
      select v.alert_id, v.seq, v.kind, ${at}, 'system', v.from_level, v.to_level, v.note
      from unnest(
        ${events.map((e) => e.alertId)}::bigint[], ${events.map((e) => e.seq)}::bigint[],
        ${events.map((e) => e.kind)}::text[], ${events.map((e) => e.from)}::text[],
        ${events.map((e) => e.to)}::text[], ${events.map((e) => e.note)}::text[]
      ) as v(alert_id, seq, kind, from_level, to_level, note)`;
  }
  return changes;
}

/**
 * Opens the finding's alert, or brings the unresolved one up to date (level, message). Returns null when
 * nothing changed, or when a manual resolve of this subject version still holds. Must run in a transaction.
 */
export async function raiseAlert(tx: Db, finding: Finding, at: Date): Promise<AlertChange | null> {
  const [change] = await applyFindings(tx, { raise: [finding], clear: [] }, at);
  return change ?? null;
}

/** Resolves the unresolved alert of this key automatically (the condition cleared); null when there is none. */
export async function clearAlert(tx: Db, key: AlertKey, at: Date, note: string): Promise<AlertChange | null> {
  const clearing = { ruleKind: key.ruleKind, subjectType: key.subjectType, subjectId: key.subjectId, note };
  const [change] = await applyFindings(tx, { raise: [], clear: [clearing] }, at);
  return change ?? null;
}

/** Keys and versions (`key@version`) of these subjects that an office resolved by hand. */
async function manuallyResolved(tx: Db, findings: readonly Finding[]): Promise<Set<string>> {
  const rows = await tx<{ rule_kind: string; subject_type: string; subject_id: number; subject_version: number }[]>`
    select distinct rule_kind, subject_type, subject_id, subject_version from alerts
    where resolution = 'manual' and (${keyFilter(tx, findings)})`;
  return new Set(rows.map((row) => `${rowKey(row)}@${row.subject_version}`));
}
