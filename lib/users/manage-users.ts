// 用户管理 (admin): create users with a role and region, reset passwords, deactivate and reactivate; each
// change and its audit row in one transaction. Passwords and their hashes never reach the audit trail.
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, MAX_PASSWORD_LENGTH } from '../auth/password';
import { createUser, findUserById, MIN_PASSWORD_LENGTH, newUserSchema, setUserActive, type User } from '../auth/users';
import { now } from '../clock';
import type { Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';

export const passwordSchema = z
  .string({ error: '请输入密码' })
  .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`)
  .max(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 位`);

export const createUserBodySchema = newUserSchema;
export const resetPasswordBodySchema = z.strictObject({ password: passwordSchema });
export const setActiveBodySchema = z.strictObject({ isActive: z.boolean({ error: '启用状态必须是 true 或 false' }) });

export type ManageResult<T> = { ok: true; value: T } | Refusal<'not_found' | 'conflict' | 'unknown_reference'>;

const publicFields = (user: User) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  regionCode: user.regionCode,
  departmentId: user.departmentId,
  isActive: user.isActive,
});

export async function createManagedUser(sql: Sql, input: { body: z.infer<typeof createUserBodySchema>; actor: string }): Promise<ManageResult<User>> {
  const { body, actor } = input;
  return sql.begin(async (tx): Promise<ManageResult<User>> => {
    const [region] = await tx<{ code: string }[]>`select code from regions where code = ${body.regionCode}`;
    if (!region) return refuse('unknown_reference', `区域 ${body.regionCode} 不存在`, { regionCode: '区域不存在' });
    if (body.departmentId != null) {
      const [department] = await tx<{ region_code: string }[]>`select region_code from departments where id = ${body.departmentId}`;
      if (!department) return refuse('unknown_reference', '所属部门不存在', { departmentId: '部门不存在' });
      if (department.region_code !== body.regionCode) {
        return refuse('unknown_reference', '所属部门不在所选区域', { departmentId: '部门不在所选区域' });
      }
    }
    const [taken] = await tx`select 1 from users where username = ${body.username.trim().toLowerCase()}`;
    if (taken) return refuse('conflict', `用户名 ${body.username} 已被使用`, { username: '用户名已被使用' });
    const user = await createUser(tx, body);
    await recordAudit(tx, { actor, entity: 'user', entityId: user.id, action: 'create', after: publicFields(user) });
    return { ok: true, value: user };
  });
}

/** Sets a new password and ends the user's sessions, so whoever held the old one is signed out. */
export async function resetUserPassword(sql: Sql, input: { userId: number; password: string; actor: string }): Promise<ManageResult<User>> {
  const passwordHash = await hashPassword(input.password);
  return sql.begin(async (tx): Promise<ManageResult<User>> => {
    const user = await findUserById(tx, input.userId);
    if (!user) return refuse('not_found', '用户不存在');
    const at = now();
    await tx`update users set password_hash = ${passwordHash}, updated_at = ${at} where id = ${user.id}`;
    await tx`update sessions set revoked_at = ${at} where user_id = ${user.id} and revoked_at is null`;
    await recordAudit(tx, { actor: input.actor, entity: 'user', entityId: user.id, action: 'reset_password', after: { username: user.username } });
    return { ok: true, value: user };
  });
}

/** Deactivating ends the user's sessions at once (setUserActive); an admin cannot lock themselves out. */
export async function setManagedUserActive(
  sql: Sql,
  input: { userId: number; isActive: boolean; actor: string; actorId: number },
): Promise<ManageResult<User>> {
  if (input.userId === input.actorId && !input.isActive) {
    return refuse('conflict', '不能停用自己的账号');
  }
  return sql.begin(async (tx): Promise<ManageResult<User>> => {
    const before = await findUserById(tx, input.userId);
    if (!before) return refuse('not_found', '用户不存在');
    if (before.isActive === input.isActive) return { ok: true, value: before };
    await setUserActive(tx, before.id, input.isActive);
    const after = (await findUserById(tx, before.id))!;
    await recordAudit(tx, {
      actor: input.actor,
      entity: 'user',
      entityId: before.id,
      action: input.isActive ? 'activate' : 'deactivate',
      before: publicFields(before),
      after: publicFields(after),
    });
    return { ok: true, value: after };
  });
}
