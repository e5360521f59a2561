import { describe, expect, it } from 'vitest';
import {
  readSessionToken,
  serializeClearedSessionCookie,
  serializeSessionCookie,
  SESSION_COOKIE_NAME,
  sessionCookieOptions,
} from './session-cookie';

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, on every path, with the given lifetime', () => {
    expect(SESSION_COOKIE_NAME).toBe('dw_session');
    const header = serializeSessionCookie('abc', 43_200);
    expect(header).toBe('dw_session=abc; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax');
    expect(sessionCookieOptions(43_200)).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 43_200 });
  });

  it('clears with an empty value and Max-Age=0', () => {
    expect(serializeClearedSessionCookie()).toMatch(/^dw_session=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970/);
  });

  it('reads the token out of a Cookie header among other cookies', () => {
    expect(readSessionToken('theme=dark; dw_session=tok_123-x; other=1')).toBe('tok_123-x');
    expect(readSessionToken('dw_session=tok')).toBe('tok');
    expect(readSessionToken('xdw_session=nope; dw_sessionx=nope')).toBeNull();
    expect(readSessionToken('dw_session=')).toBeNull();
    expect(readSessionToken('')).toBeNull();
    expect(readSessionToken(null)).toBeNull();
  });
});
