// The session cookie (DESIGN §3): httpOnly, SameSite=Lax, Path=/, Secure when configured. Shared by the
// session route, server components (via next/headers) and the socket.io handshake (a raw Cookie header).
import { getEnv } from '../env';

export const SESSION_COOKIE_NAME = 'dw_session';

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  /** seconds */
  maxAge: number;
}

/** Same shape as Next's ResponseCookie options, so `cookies().set(name, value, options)` accepts it too. */
export function sessionCookieOptions(maxAgeSeconds: number): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: getEnv().SESSION_COOKIE_SECURE,
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}

/** A Set-Cookie header value carrying the session token. */
export function serializeSessionCookie(token: string, maxAgeSeconds: number): string {
  const options = sessionCookieOptions(maxAgeSeconds);
  const parts = [
    `${SESSION_COOKIE_NAME}=${token}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A Set-Cookie header value that makes the browser drop the session cookie. */
export function serializeClearedSessionCookie(): string {
  return serializeSessionCookie('', 0).replace('Max-Age=0', 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
}

/** The session token from a raw Cookie request header, or null. The value is not validated here. */
export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== SESSION_COOKIE_NAME) continue;
    const value = pair.slice(separator + 1).trim();
    return value.length > 0 ? value : null;
  }
  return null;
}
