// An entry's versions (the entry page shows them side by side): what each said about the time limit and
// mode, who changed it, whether it waits for approval, and how many obligations were formed under it.
import { actorNames } from '../auth/actor-names';
import { canApproveWithheld } from '../auth/permissions/manage-region';
import { isRegionInScope, scopeFilter, type Scope } from '../auth/scope';
import type { Db } from '../db/sql';
import { timeLimitSchema, type TimeLimit } from './time-limit';

export interface EntryVersion {
  id: number;
  version: number;
  isCurrent: boolean;
  approval: 'approved' | 'pending' | 'rejected';
  name: string;
  timeLimit: TimeLimit;
  mode: 'proactive' | 'on_request' | 'withheld';
  withheldReason: string | null;
  createdAt: string;
  changedBy: string | null;
  approvedBy: string | null;
  /** What the page shows for changedBy and approvedBy (lib/auth/actor-names.ts). */
  changedByName: string | null;
  approvedByName: string | null;
  retiredAt: string | null;
  obligations: number;
  /** A pending change this user may approve or reject: the same decision POST /catalog/:id/approval makes. */
  mayDecide: boolean;
}

/** Every version of the entry that `id` is one version of, newest first; null when out of scope or missing. */
export async function listEntryVersions(db: Db, scope: Scope, id: number): Promise<EntryVersion[] | null> {
  const [entry] = await db<{ region_code: string; code: string; path: string }[]>`
    select c.region_code, c.code, r.path from catalog_entries c join regions r on r.code = c.region_code where c.id = ${id}`;
  if (!entry || !isRegionInScope(scope, entry.path)) return null;
  const [own] = await db<{ level: string }[]>`select level from regions where code = ${scope.regionCode}`;
  const mayApprove = canApproveWithheld(scope, own?.level, entry.path);
  const rows = await db<
    { id: number; version: number; is_current: boolean; approval: EntryVersion['approval']; name: string; time_limit: unknown; mode: EntryVersion['mode']; withheld_reason: string | null; created_at: Date; changed_by: string | null; approved_by: string | null; retired_at: Date | null; obligations: number }[]
  >`
    select c.id, c.version, c.is_current, c.approval, c.name, c.time_limit, c.mode, c.withheld_reason, c.created_at,
      c.changed_by, c.approved_by, c.retired_at,
      (select count(*)::int from obligations o where o.catalog_entry_id = c.id) as obligations
    from catalog_entries c
    where c.region_code = ${entry.region_code} and c.code = ${entry.code}
    order by c.version desc`;
  const names = await actorNames(db, rows.flatMap((row) => [row.changed_by, row.approved_by].filter((by): by is string => by !== null)));
  const nameOf = (by: string | null) => (by === null ? null : (names.get(by) ?? by));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    isCurrent: row.is_current,
    approval: row.approval,
    name: row.name,
    timeLimit: timeLimitSchema.parse(row.time_limit),
    mode: row.mode,
    withheldReason: row.withheld_reason,
    createdAt: row.created_at.toISOString(),
    changedBy: row.changed_by,
    approvedBy: row.approved_by,
    changedByName: nameOf(row.changed_by),
    approvedByName: nameOf(row.approved_by),
    retiredAt: row.retired_at?.toISOString() ?? null,
    obligations: row.obligations,
    mayDecide: row.approval === 'pending' && mayApprove && row.changed_by !== scope.username,
  }));
}

export interface PendingEntry {
  id: number;
  regionName: string;
  code: string;
  name: string;
  withheldReason: string | null;
  basis: string;
  changedBy: string | null;
  /** What the page shows for changedBy (lib/auth/actor-names.ts). */
  changedByName: string | null;
  createdAt: string;
}

/** 不予公开 changes waiting for approval within the scope. */
export async function listPendingEntries(db: Db, scope: Scope): Promise<PendingEntry[]> {
  const rows = await db<{ id: number; region_name: string; code: string; name: string; withheld_reason: string | null; basis: string; changed_by: string | null; created_at: Date }[]>`
    select c.id, r.name as region_name, c.code, c.name, c.withheld_reason, c.basis, c.changed_by, c.created_at
    from catalog_entries c join regions r on r.code = c.region_code
    where c.approval = 'pending' and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'c.department_id' })}
    order by c.created_at`;
  const names = await actorNames(db, rows.flatMap((row) => (row.changed_by === null ? [] : [row.changed_by])));
  return rows.map((row) => ({
    id: row.id,
    regionName: row.region_name,
    code: row.code,
    name: row.name,
    withheldReason: row.withheld_reason,
    basis: row.basis,
    changedBy: row.changed_by,
    changedByName: row.changed_by === null ? null : (names.get(row.changed_by) ?? row.changed_by),
    createdAt: row.created_at.toISOString(),
  }));
}

export interface UnmeasurableEntry {
  id: number;
  regionName: string;
  code: string;
  name: string;
  departmentName: string;
  timeLimitText: string;
}

/** 待完善: current entries whose time limit cannot be checked (及时, 按进展, 长期公开 …). */
export async function listUnmeasurableEntries(db: Db, scope: Scope, page: { offset: number; limit: number }): Promise<{ rows: UnmeasurableEntry[]; total: number }> {
  const where = db`
    c.is_current and c.retired_at is null and c.time_limit->>'kind' = 'unmeasurable' and c.mode <> 'withheld'
    and ${scopeFilter(db, scope, { regionPath: 'r.path', departmentId: 'c.department_id' })}`;
  const [rows, [count]] = await Promise.all([
    db<{ id: number; region_name: string; code: string; name: string; department_name: string; time_limit_text: string }[]>`
      select c.id, r.name as region_name, c.code, c.name, d.name as department_name, c.time_limit_text
      from catalog_entries c join regions r on r.code = c.region_code join departments d on d.id = c.department_id
      where ${where}
      order by c.region_code, c.code
      offset ${page.offset} limit ${page.limit}`,
    db<{ n: number }[]>`
      select count(*)::int as n from catalog_entries c join regions r on r.code = c.region_code where ${where}`,
  ]);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      regionName: row.region_name,
      code: row.code,
      name: row.name,
      departmentName: row.department_name,
      timeLimitText: row.time_limit_text,
    })),
    total: count?.n ?? 0,
  };
}
