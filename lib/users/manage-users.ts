// 用户管理 (admin): create users with a role and region, change a user's role and region, reset passwords,
// deactivate and reactivate; each change and its audit row in one transaction. Passwords and their hashes
// never reach the audit trail.
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, MAX_PASSWORD_LENGTH } from '../auth/password';
import { isDepartmentRole } from '../auth/permissions/role-permissions';
import { roleSchema, type Role } from '../auth/roles';
import { revokeUserSessions } from '../auth/sessions';
import { createUser, findUserById, MIN_PASSWORD_LENGTH, newUserSchema, regionCodeSchema, setUserActive, type User } from '../auth/users';
import { now } from '../clock';
import type { Db, Sql } from '../db/sql';
import { refuse, type Refusal } from '../refusal';

export const passwordSchema = z
  .string({ error: '请输入密码' })
  .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`)
  .max(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 位`);

export const createUserBodySchema = newUserSchema;
export const resetPasswordBodySchema = z.strictObject({ password: passwordSchema });
export const setActiveBodySchema = z.strictObject({ isActive: z.boolean({ error: '启用状态必须是 true 或 false' }) });

const assignmentFields = {
  role: roleSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  departmentId: z.number({ error: '所属部门无效' }).int('所属部门无效').positive('所属部门无效').nullable().optional(),
};
export type AssignmentChange = { role?: Role; regionCode?: string; departmentId?: number | null };

/**
 * PATCH /admin/users/:id: either {isActive} or a new assignment {role?, regionCode?, departmentId?}, never
 * both, so each request is one kind of change with one audit row.
 */
export const updateUserBodySchema = z
  .strictObject(
    { isActive: setActiveBodySchema.shape.isActive.optional(), ...assignmentFields },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知字段：${issue.keys.join('、')}` : '请求体应为 {isActive} 或 {role, regionCode, departmentId}') },
  )
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: '请指定要修改的内容' })
  .refine((body) => body.isActive === undefined || (body.role === undefined && body.regionCode === undefined && body.departmentId === undefined), {
    message: '启用状态与角色、区域须分开修改',
  });

export type ManageResult<T> = { ok: true; value: T } | Refusal<'not_found' | 'conflict' | 'unknown_reference' | 'invalid'>;

const publicFields = (user: User) => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  regionCode: user.regionCode,
  departmentId: user.departmentId,
  isActive: user.isActive,
});

/** The region must exist, and a department, when there is one, must lie in that region. */
async function placementProblem(db: Db, placement: { regionCode: string; departmentId?: number | null }): Promise<Refusal<'unknown_reference'> | null> {
  const [region] = await db<{ code: string }[]>`select code from regions where code = ${placement.regionCode}`;
  if (!region) return refuse('unknown_reference', `区域 ${placement.regionCode} 不存在`, { regionCode: '区域不存在' });
  if (placement.departmentId != null) {
    const [department] = await db<{ region_code: string }[]>`select region_code from departments where id = ${placement.departmentId}`;
    if (!department) return refuse('unknown_reference', '所属部门不存在', { departmentId: '部门不存在' });
    if (department.region_code !== placement.regionCode) {
      return refuse('unknown_reference', '所属部门不在所选区域', { departmentId: '部门不在所选区域' });
    }
  }
  return null;
}

export async function createManagedUser(sql: Sql, input: { body: z.infer<typeof createUserBodySchema>; actor: string }): Promise<ManageResult<User>> {
  const { body, actor } = input;
  return sql.begin(async (tx): Promise<ManageResult<User>> => {
    const problem = await placementProblem(tx, body);
    if (problem) return problem;
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

/**
 * A new role, region or department. The user's sessions end in the same transaction: their rooms and every
 * page they hold were chosen by the old scope, so they sign in again into the new one (the caller then ends
 * their sockets). A department user keeps their department unless another is named; leaving the role drops
 * it. An admin cannot change their own assignment (they could demote themselves out of the admin pages).
 */
export async function changeUserAssignment(
  sql: Sql,
  input: { userId: number; change: AssignmentChange; actor: string; actorId: number },
): Promise<ManageResult<{ user: User; isChanged: boolean }>> {
  const { change } = input;
  if (input.userId === input.actorId) return refuse('conflict', '不能修改自己的角色或区域');
  return sql.begin(async (tx): Promise<ManageResult<{ user: User; isChanged: boolean }>> => {
    const before = await findUserById(tx, input.userId);
    if (!before) return refuse('not_found', '用户不存在');
    const role = change.role ?? before.role;
    const regionCode = change.regionCode ?? before.regionCode;
    if (!isDepartmentRole(role) && change.departmentId != null) {
      return refuse('invalid', '只有部门联络员指定所属部门', { departmentId: '只有部门联络员指定所属部门' });
    }
    const departmentId = isDepartmentRole(role) ? (change.departmentId !== undefined ? change.departmentId : before.departmentId) : null;
    if (isDepartmentRole(role) && departmentId === null) {
      return refuse('invalid', '部门联络员须指定所属部门', { departmentId: '请选择所属部门' });
    }
    const problem = await placementProblem(tx, { regionCode, departmentId });
    if (problem) return problem;
    if (role === before.role && regionCode === before.regionCode && departmentId === before.departmentId) {
      return { ok: true, value: { user: before, isChanged: false } };
    }
    await tx`
      update users set role = ${role}, region_code = ${regionCode}, department_id = ${departmentId}, updated_at = ${now()}
      where id = ${before.id}`;
    await revokeUserSessions(tx, before.id);
    const after = (await findUserById(tx, before.id))!;
    await recordAudit(tx, {
      actor: input.actor,
      entity: 'user',
      entityId: before.id,
      action: 'change_assignment',
      before: publicFields(before),
      after: publicFields(after),
    });
    return { ok: true, value: { user: after, isChanged: true } };
  });
}
