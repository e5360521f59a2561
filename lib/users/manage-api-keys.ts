// 接口密钥 (admin): issue and revoke departments' ingest keys from the UI. lib/auth/api-keys.ts makes the
// key and writes its audit row; here that happens inside one transaction with the checks around it.
import { z } from 'zod';
import { actorNames } from '../auth/actor-names';
import { createApiKey, revokeApiKey } from '../auth/api-keys';
import type { Db, Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';

export const issueKeyBodySchema = z.strictObject({
  departmentId: z.number({ error: '请选择部门' }).int('请选择部门').positive('请选择部门'),
  label: z.string().trim().max(100, '备注不超过 100 字').optional(),
});

export interface ApiKeyListRow {
  id: number;
  departmentId: number;
  departmentName: string;
  regionName: string;
  keyPrefix: string;
  label: string;
  createdBy: string;
  /** What the page shows for createdBy (lib/auth/actor-names.ts). */
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type KeyResult<T> = { ok: true; value: T } | Refusal<'not_found' | 'conflict' | 'unknown_reference'>;

export async function issueDepartmentKey(
  sql: Sql,
  input: { departmentId: number; label?: string; actor: string },
): Promise<KeyResult<{ key: string; id: number; keyPrefix: string }>> {
  return sql.begin(async (tx): Promise<KeyResult<{ key: string; id: number; keyPrefix: string }>> => {
    const [department] = await tx`select 1 from departments where id = ${input.departmentId}`;
    if (!department) return refuse('unknown_reference', `部门 ${input.departmentId} 不存在`);
    const { key, apiKey } = await createApiKey(tx, { departmentId: input.departmentId, label: input.label, createdBy: input.actor });
    return { ok: true, value: { key, id: apiKey.id, keyPrefix: apiKey.keyPrefix } };
  });
}

export async function revokeKeyById(sql: Sql, input: { keyId: number; actor: string }): Promise<KeyResult<{ id: number }>> {
  return sql.begin(async (tx): Promise<KeyResult<{ id: number }>> => {
    const [key] = await tx<{ department_id: number; key_prefix: string; revoked_at: Date | null }[]>`
      select department_id, key_prefix, revoked_at from api_keys where id = ${input.keyId} for update`;
    if (!key) return refuse('not_found', '密钥不存在');
    if (key.revoked_at) return refuse('conflict', '该密钥已吊销');
    await revokeApiKey(tx, { departmentId: key.department_id, keyPrefix: key.key_prefix, revokedBy: input.actor });
    return { ok: true, value: { id: input.keyId } };
  });
}

export async function listDepartmentKeys(db: Db, filter: { departmentId?: number }, limit = 200): Promise<ApiKeyListRow[]> {
  const rows = await db<
    { id: number; department_id: number; department_name: string; region_name: string; key_prefix: string; label: string; created_by: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }[]
  >`
    select k.id, k.department_id, d.name as department_name, r.name as region_name, k.key_prefix, k.label, k.created_by,
      k.created_at, k.last_used_at, k.revoked_at
    from api_keys k join departments d on d.id = k.department_id join regions r on r.code = d.region_code
    where true ${filter.departmentId !== undefined ? db`and k.department_id = ${filter.departmentId}` : db``}
    order by k.revoked_at is not null, k.id desc
    limit ${limit}`;
  const names = await actorNames(db, rows.map((row) => row.created_by));
  return rows.map((row) => ({
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionName: row.region_name,
    keyPrefix: row.key_prefix,
    label: row.label,
    createdBy: row.created_by,
    createdByName: names.get(row.created_by) ?? row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}
