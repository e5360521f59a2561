// Users (DESIGN: who uses it): one role, one region, and a department for department staff.
import { z } from 'zod';
import { now } from '../clock';
import type { Db } from '../db/sql';
import { hashPassword, MAX_PASSWORD_LENGTH } from './password';
import { isDepartmentRole } from './permissions/role-permissions';
import { roleSchema, type Role } from './roles';

// Mirrors the check constraint on users.username.
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,63}$/;

export const usernameSchema = z
  .string({ error: '请输入用户名' })
  .regex(USERNAME_PATTERN, '用户名须为 2–64 位小写字母、数字或 _.-，且以字母或数字开头');

export const MIN_PASSWORD_LENGTH = 8;

export const regionCodeSchema = z.string({ error: '请选择区域' }).regex(/^[0-9]{6}$/, '区域代码须为 6 位行政区划代码');

export const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(100, '姓名不能超过 100 个字符'),
    password: z
      .string({ error: '请输入密码' })
      .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`)
      .max(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 位`),
    role: roleSchema,
    regionCode: regionCodeSchema,
    departmentId: z.number().int().positive().nullish(),
  })
  .refine((user) => isDepartmentRole(user.role) === (user.departmentId != null), {
    message: '部门联络员必须且只有部门联络员指定所属部门',
    path: ['departmentId'],
  });
export type NewUser = z.input<typeof newUserSchema>;

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** The region's dotted path ('320000.320100.320105'): what scope filtering compares against. */
  regionPath: string;
  departmentId: number | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  region_code: string;
  region_path: string;
  department_id: number | null;
  is_active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Row → User; shared with sessions.ts, which selects the same columns. */
export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: roleSchema.parse(row.role),
    regionCode: row.region_code,
    regionPath: row.region_path,
    departmentId: row.department_id,
    isActive: row.is_active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns userFromRow reads, for a query over `users u join regions r on r.code = u.region_code`. */
export function userColumns(db: Db) {
  return db`u.id, u.username, u.display_name, u.role, u.region_code, r.path as region_path,
    u.department_id, u.is_active, u.created_at, u.updated_at`;
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Creates a user; a taken username fails with Postgres' unique violation (code 23505). */
export async function createUser(db: Db, input: NewUser): Promise<User> {
  const user = newUserSchema.parse({ ...input, username: normalizeUsername(input.username) });
  const passwordHash = await hashPassword(user.password);
  const at = now();
  const [row] = await db<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
    values (${user.username}, ${user.displayName}, ${passwordHash}, ${user.role}, ${user.regionCode},
            ${user.departmentId ?? null}, ${at}, ${at})
    returning id`;
  return (await findUserById(db, row!.id))!;
}

/**
 * Creates the user unless the username exists (`on conflict (username) do nothing`); an existing user is
 * returned as it is, password included, so seeding twice changes nothing.
 */
export async function upsertUser(db: Db, input: NewUser): Promise<{ user: User; created: boolean }> {
  const user = newUserSchema.parse({ ...input, username: normalizeUsername(input.username) });
  const existing = await findUserByUsername(db, user.username);
  if (existing) return { user: existing, created: false };
  const passwordHash = await hashPassword(user.password);
  const at = now();
  const inserted = await db<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, region_code, department_id, created_at, updated_at)
    values (${user.username}, ${user.displayName}, ${passwordHash}, ${user.role}, ${user.regionCode},
            ${user.departmentId ?? null}, ${at}, ${at})
    on conflict (username) do nothing
    returning id`;
  const found = await findUserByUsername(db, user.username);
  return { user: found!, created: inserted.length > 0 };
}

export async function findUserByUsername(db: Db, username: string): Promise<User | null> {
  const rows = await db<UserRow[]>`
    select ${userColumns(db)} from users u join regions r on r.code = u.region_code
    where u.username = ${normalizeUsername(username)}`;
  return rows[0] ? userFromRow(rows[0]) : null;
}

export async function findUserById(db: Db, id: number): Promise<User | null> {
  const rows = await db<UserRow[]>`
    select ${userColumns(db)} from users u join regions r on r.code = u.region_code
    where u.id = ${id}`;
  return rows[0] ? userFromRow(rows[0]) : null;
}

/** The user with the stored hash, for sign-in only; everything else works with User, which has no hash. */
export async function findUserCredentials(
  db: Db,
  username: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const rows = await db<(UserRow & { password_hash: string })[]>`
    select ${userColumns(db)}, u.password_hash from users u join regions r on r.code = u.region_code
    where u.username = ${normalizeUsername(username)}`;
  const row = rows[0];
  return row ? { user: userFromRow(row), passwordHash: row.password_hash } : null;
}

/** Deactivating a user also ends their sessions at once (their cookies are signed out on the next request). */
export async function setUserActive(db: Db, userId: number, isActive: boolean): Promise<void> {
  const at = now();
  await db`update users set is_active = ${isActive}, updated_at = ${at} where id = ${userId}`;
  // getSessionUser also refuses inactive users, so a failure between the two statements is still safe
  if (!isActive) {
    await db`update sessions set revoked_at = ${at} where user_id = ${userId} and revoked_at is null`;
  }
}
