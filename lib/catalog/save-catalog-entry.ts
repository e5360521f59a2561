// 公开目录 changes (create, revise, retire, approve a 不予公开 change): each a new version row and its audit
// row in one transaction. Old obligations and items keep the version they were made under (they hold its
// id); ingest and the period job read the current version, so what is formed afterwards follows the new one.
import { canApproveWithheld, canManageCatalog } from '../auth/permissions/manage-region';
import type { Scope } from '../auth/scope';
import { recordAudit } from '../audit/record-audit';
import type { Db, TransactionSql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';
import { isSameEntry, type EntryValues } from './entry-input';
import { timeLimitSchema } from './time-limit';

export type SaveResult =
  | { ok: true; id: number; version: number; status: 'created' | 'revised' | 'pending' | 'unchanged' | 'retired' | 'approved' | 'rejected' }
  | Refusal<'out_of_scope' | 'not_allowed' | 'not_found' | 'conflict' | 'unknown_reference'>;

interface StoredRow {
  id: number;
  region_code: string;
  region_path: string;
  code: string;
  version: number;
  is_current: boolean;
  approval: 'approved' | 'pending' | 'rejected';
  changed_by: string | null;
  name: string;
  domain: string;
  category: string;
  basis: string;
  content: string;
  required_elements: string[];
  department_id: number;
  position_id: number | null;
  time_limit: unknown;
  channels: string[];
  audience: 'public' | 'specific';
  mode: 'proactive' | 'on_request' | 'withheld';
  withheld_reason: string | null;
  level: 'county' | 'township';
  retired_at: Date | null;
}

export function valuesOfRow(row: StoredRow): EntryValues {
  return {
    code: row.code,
    name: row.name,
    domain: row.domain as EntryValues['domain'],
    category: row.category,
    basis: row.basis,
    content: row.content,
    requiredElements: row.required_elements,
    departmentId: row.department_id,
    positionId: row.position_id,
    timeLimit: timeLimitSchema.parse(row.time_limit),
    channels: row.channels as EntryValues['channels'],
    audience: row.audience,
    mode: row.mode,
    withheldReason: row.withheld_reason,
    level: row.level,
  };
}

async function lockVersions(tx: Db, regionCode: string, code: string): Promise<StoredRow[]> {
  return tx<StoredRow[]>`
    select c.*, r.path as region_path from catalog_entries c join regions r on r.code = c.region_code
    where c.region_code = ${regionCode} and c.code = ${code}
    order by c.version
    for update of c`;
}

/** Checks that the department (and position) belong to the entry's region. */
async function referenceProblem(tx: Db, regionCode: string, values: EntryValues): Promise<Record<string, string> | null> {
  const [department] = await tx<{ region_code: string }[]>`select region_code from departments where id = ${values.departmentId}`;
  if (!department || department.region_code !== regionCode) return { departmentId: '责任部门不存在或不属于该区域' };
  if (values.positionId !== null) {
    const [position] = await tx<{ department_id: number }[]>`select department_id from positions where id = ${values.positionId}`;
    if (!position || position.department_id !== values.departmentId) return { positionId: '责任岗位不属于该部门' };
  }
  return null;
}

async function insertVersion(
  tx: Db,
  input: { regionCode: string; values: EntryValues; version: number; isCurrent: boolean; approval: 'approved' | 'pending'; actor: string; at: Date },
): Promise<number> {
  const { values: v } = input;
  const [row] = await tx<{ id: number }[]>`
    insert into catalog_entries (region_code, code, version, is_current, category, name, domain, department_id, position_id,
      basis, content, required_elements, time_limit, time_limit_text, channels, audience, mode, withheld_reason, level,
      created_at, approval, changed_by)
    values (${input.regionCode}, ${v.code}, ${input.version}, ${input.isCurrent}, ${v.category}, ${v.name}, ${v.domain},
      ${v.departmentId}, ${v.positionId}, ${v.basis}, ${v.content}, ${v.requiredElements}, ${tx.json(v.timeLimit as never)},
      ${v.timeLimit.text}, ${v.channels}, ${v.audience}, ${v.mode}, ${v.withheldReason}, ${v.level}, ${input.at},
      ${input.approval}, ${input.actor})
    returning id`;
  return row!.id;
}

const auditValues = (v: EntryValues) => ({ ...v, timeLimit: v.timeLimit.text });

/**
 * Creates the entry (version 1) or revises it (a new version) in the caller's transaction; a change to
 * 不予公开 is stored pending city-level approval and does not take effect. Nothing is written when the
 * values equal the current version.
 */
export async function saveCatalogEntryIn(
  tx: TransactionSql,
  input: { scope: Scope; regionCode: string; values: EntryValues; at: Date; expectCode?: string },
): Promise<SaveResult> {
  const { scope, regionCode, values, at } = input;
  const [region] = await tx<{ path: string }[]>`select path from regions where code = ${regionCode}`;
  if (!region) return refuse('unknown_reference', `区域 ${regionCode} 不存在`);
  if (!canManageCatalog(scope, region.path)) return refuse('out_of_scope', '该区域的目录不在您的管理范围内');
  const problem = await referenceProblem(tx, regionCode, values);
  if (problem) return refuse('unknown_reference', Object.values(problem)[0]!, problem);

  const versions = await lockVersions(tx, regionCode, values.code);
  const current = versions.find((row) => row.is_current);
  const latest = versions[versions.length - 1];
  if (versions.some((row) => row.approval === 'pending')) {
    return refuse('conflict', `事项 ${values.code} 有一项变更正在等待审批，请审批后再修改`);
  }
  const needsApproval = values.mode === 'withheld' && (!current || current.mode !== 'withheld' || current.withheld_reason !== values.withheldReason);
  if (current && current.retired_at === null && isSameEntry(valuesOfRow(current), values)) {
    return { ok: true, id: current.id, version: current.version, status: 'unchanged' };
  }
  const version = (latest?.version ?? 0) + 1;
  if (needsApproval) {
    const id = await insertVersion(tx, { regionCode, values, version, isCurrent: false, approval: 'pending', actor: scope.username, at });
    await recordAudit(tx, {
      actor: scope.username,
      entity: 'catalog_entry',
      entityId: id,
      action: 'propose_withheld',
      before: current ? auditValues(valuesOfRow(current)) : null,
      after: auditValues(values),
    });
    return { ok: true, id, version, status: 'pending' };
  }
  if (current) await tx`update catalog_entries set is_current = false where id = ${current.id}`;
  const id = await insertVersion(tx, { regionCode, values, version, isCurrent: true, approval: 'approved', actor: scope.username, at });
  await recordAudit(tx, {
    actor: scope.username,
    entity: 'catalog_entry',
    entityId: id,
    action: current ? 'update' : 'create',
    before: current ? { version: current.version, ...auditValues(valuesOfRow(current)) } : null,
    after: { version, ...auditValues(values) },
  });
  return { ok: true, id, version, status: current ? 'revised' : 'created' };
}

/** 停用: the current version is retired; obligations already open stay, new ones are not formed. */
export async function retireCatalogEntryIn(tx: TransactionSql, input: { scope: Scope; id: number; at: Date }): Promise<SaveResult> {
  const [row] = await tx<StoredRow[]>`
    select c.*, r.path as region_path from catalog_entries c join regions r on r.code = c.region_code
    where c.id = ${input.id} for update of c`;
  if (!row) return refuse('not_found', '事项不存在');
  if (!canManageCatalog(input.scope, row.region_path)) return refuse('out_of_scope', '该事项不在您的管理范围内');
  if (!row.is_current) return refuse('conflict', '只能停用事项的当前版本');
  if (row.retired_at) return { ok: true, id: row.id, version: row.version, status: 'unchanged' };
  await tx`update catalog_entries set retired_at = ${input.at} where id = ${row.id}`;
  await recordAudit(tx, { actor: input.scope.username, entity: 'catalog_entry', entityId: row.id, action: 'retire', before: { retiredAt: null }, after: { retiredAt: input.at.toISOString() } });
  return { ok: true, id: row.id, version: row.version, status: 'retired' };
}

/**
 * A city-level (or provincial) office, or the admin, approves or rejects a pending 不予公开 change; the one
 * who proposed it cannot decide it.
 */
export async function decideWithheldIn(
  tx: TransactionSql,
  input: { scope: Scope; id: number; approve: boolean; at: Date },
): Promise<SaveResult> {
  const { scope, id, approve, at } = input;
  const [row] = await tx<StoredRow[]>`
    select c.*, r.path as region_path from catalog_entries c join regions r on r.code = c.region_code
    where c.id = ${id} for update of c`;
  if (!row) return refuse('not_found', '事项不存在');
  if (row.approval !== 'pending') return refuse('conflict', '该变更不在待审批状态');
  const [own] = await tx<{ level: string }[]>`select level from regions where code = ${scope.regionCode}`;
  if (!canApproveWithheld(scope, own?.level, row.region_path)) return refuse('not_allowed', '不予公开事项须由设区市及以上政务公开办审批');
  if (row.changed_by === scope.username) return refuse('not_allowed', '提交人不能审批自己的变更');
  if (approve) {
    await tx`update catalog_entries set is_current = false where region_code = ${row.region_code} and code = ${row.code} and is_current`;
    await tx`update catalog_entries set approval = 'approved', is_current = true, approved_by = ${scope.username}, approved_at = ${at} where id = ${id}`;
  } else {
    await tx`update catalog_entries set approval = 'rejected', approved_by = ${scope.username}, approved_at = ${at} where id = ${id}`;
  }
  await recordAudit(tx, {
    actor: scope.username,
    entity: 'catalog_entry',
    entityId: id,
    action: approve ? 'approve' : 'reject',
    before: { approval: 'pending' },
    after: { approval: approve ? 'approved' : 'rejected' },
  });
  return { ok: true, id, version: row.version, status: approve ? 'approved' : 'rejected' };
}
