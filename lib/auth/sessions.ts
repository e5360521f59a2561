// Server-side sessions (table `sessions`): the cookie carries a random token, the database only its
// SHA-256, so logging out or revoking a session makes its cookie worthless at once.
import { createHash, randomBytes } from 'node:crypto';
import { now } from '../clock';
import type { Db } from '../db/sql';
import { getEnv } from '../env';
import { userColumns, userFromRow, type User, type UserRow } from './users';

const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding are exactly 43 characters of this alphabet
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
// last_seen_at is for the record (who was active when), not for expiry: one write a minute is plenty
const LAST_SEEN_RESOLUTION_MS = 60_000;
const MAX_USER_AGENT_LENGTH = 512;
const MAX_IP_LENGTH = 64;

export interface Session {
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export interface SessionUser {
  user: User;
  session: Session;
}

type SessionRow = UserRow & { session_created_at: Date; expires_at: Date; last_seen_at: Date };

const sessionColumns = (db: Db) => db`${userColumns(db)}, s.created_at as session_created_at, s.expires_at, s.last_seen_at`;

/** The one definition of a live session: not revoked, not expired, its user active. */
const isLive = (db: Db, at: Date) => db`s.revoked_at is null and s.expires_at > ${at} and u.is_active`;

function sessionUserFromRow(row: SessionRow): SessionUser {
  return {
    user: userFromRow(row),
    session: { createdAt: row.session_created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at },
  };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedSessionToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

export function sessionTtlMs(): number {
  return getEnv().SESSION_TTL_HOURS * 3600 * 1000;
}

export async function createSession(
  db: Db,
  user: { id: number },
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const createdAt = now();
  const expiresAt = new Date(createdAt.getTime() + sessionTtlMs());
  await db`
    insert into sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent)
    values (${hashSessionToken(token)}, ${user.id}, ${createdAt}, ${expiresAt}, ${createdAt},
            ${meta.ip?.slice(0, MAX_IP_LENGTH) ?? null}, ${meta.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null})`;
  return { token, expiresAt };
}

/**
 * The signed-in user behind a cookie value, or null when the value is missing, malformed or tampered
 * with, or the session is unknown, expired or revoked, or the user is inactive. Bad input never throws;
 * a database failure does (the caller answers unavailable, not signed out).
 */
export async function getSessionUser(db: Db, token: string | null | undefined): Promise<SessionUser | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const tokenHash = hashSessionToken(token);
  const at = now();
  const rows = await db<SessionRow[]>`
    select ${sessionColumns(db)}
    from sessions s
    join users u on u.id = s.user_id
    join regions r on r.code = u.region_code
    where s.token_hash = ${tokenHash} and ${isLive(db, at)}`;
  const row = rows[0];
  if (!row) return null;
  let lastSeenAt = row.last_seen_at;
  if (at.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // the condition repeats in SQL so concurrent requests of one session write at most once
    await db`
      update sessions set last_seen_at = ${at}
      where token_hash = ${tokenHash} and last_seen_at <= ${new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS)}`;
    lastSeenAt = at;
  }
  return sessionUserFromRow({ ...row, last_seen_at: lastSeenAt });
}

/**
 * The live ones among sessions named by token hash, with their users: one query for every socket a web
 * process holds, when it re-checks them (a socket that missed its disconnect message). Unlike
 * getSessionUser it does not touch last_seen_at: an open tab is not a person acting.
 */
export async function findLiveSessions(db: Db, tokenHashes: readonly string[]): Promise<Map<string, SessionUser>> {
  const live = new Map<string, SessionUser>();
  if (tokenHashes.length === 0) return live;
  const rows = await db<(SessionRow & { token_hash: string })[]>`
    select s.token_hash, ${sessionColumns(db)}
    from sessions s
    join users u on u.id = s.user_id
    join regions r on r.code = u.region_code
    where s.token_hash = any(${[...tokenHashes]}::text[]) and ${isLive(db, now())}`;
  for (const row of rows) live.set(row.token_hash, sessionUserFromRow(row));
  return live;
}

/** Ends one session; true when a live session was revoked. A malformed token revokes nothing. */
export async function revokeSession(db: Db, token: string | null | undefined): Promise<boolean> {
  if (!isWellFormedSessionToken(token)) return false;
  const result = await db`
    update sessions set revoked_at = ${now()}
    where token_hash = ${hashSessionToken(token)} and revoked_at is null`;
  return result.count > 0;
}

/** Ends every session of a user (password change, deactivation, "sign out everywhere"). */
export async function revokeUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db`
    update sessions set revoked_at = ${now()}
    where user_id = ${userId} and revoked_at is null`;
  return result.count;
}
