// The signed-in user for server components and route handlers: session cookie → user → scope.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { can, type Permission } from '../../lib/auth/permissions/role-permissions';
import { safeNextPath } from '../../lib/auth/safe-next-path';
import { scopeOf, type Scope } from '../../lib/auth/scope';
import { readSessionToken, SESSION_COOKIE_NAME } from '../../lib/auth/session-cookie';
import { getSessionUser } from '../../lib/auth/sessions';
import type { User } from '../../lib/auth/users';
import { sql } from '../../lib/db/sql';
import { isDatabaseUnavailable } from '../../lib/db/is-database-unavailable';
import { forbidden, unauthenticated } from '../../lib/http/errors';
import { REQUEST_PATH_HEADER } from '../../lib/http/request-path';
import { unavailableAfter } from '../../lib/http/unavailable';

export { SESSION_COOKIE_NAME };

export interface CurrentUser {
  user: User;
  scope: Scope;
}

/** The user behind this request's cookie, or null; looked up once per server render. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value;
  return toCurrentUser(await getSessionUser(sql, token));
});

/**
 * For signed-in pages: the user, or a redirect to /login that comes back to the page asked for (proxy.ts
 * passes its path along, since a server component cannot read its own URL).
 */
export async function requireUser(): Promise<CurrentUser> {
  const current = await getCurrentUser();
  if (!current) {
    const requested = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(`/login?next=${encodeURIComponent(safeNextPath(requested ?? '/') ?? '/')}`);
  }
  return current;
}

/**
 * For route handlers: the user, or the Response to return (401 without a live session, 403 when
 * `permission` is given and the user's role does not hold it).
 *
 *   const auth = await requireApiUser(request);
 *   if (auth instanceof Response) return auth;
 *   const rows = await listRegions(sql, auth.scope);
 */
export async function requireApiUser(request: Request, permission?: Permission): Promise<CurrentUser | Response> {
  const token = readSessionToken(request.headers.get('cookie'));
  let session: Awaited<ReturnType<typeof getSessionUser>>;
  try {
    session = await getSessionUser(sql, token);
  } catch (error) {
    // the first query of nearly every route: an absent Postgres answers 503 with the contract's body, not 500
    if (!isDatabaseUnavailable(error)) throw error;
    return unavailableAfter(error, 'session lookup failed');
  }
  const current = toCurrentUser(session);
  if (!current) return unauthenticated();
  if (permission && !can(current.user, permission)) return forbidden('当前角色无权执行此操作');
  return current;
}

function toCurrentUser(session: Awaited<ReturnType<typeof getSessionUser>>): CurrentUser | null {
  return session ? { user: session.user, scope: scopeOf(session.user) } : null;
}
