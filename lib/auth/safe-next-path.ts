// The ?next= of /login names where to go after sign-in: only a path on this site, never another origin
// (an open redirect would let a phishing link bounce through our login page).
// Pure and free of server imports: the login form uses it in the browser too.

export function safeNextPath(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  // '/x' yes; '//host', '/\host' (browsers treat '\' as '/') and anything with a scheme no
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // control characters (a tab or newline inside '/\t/host' is stripped by browsers and becomes '//host')
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  try {
    const resolved = new URL(value, 'http://same-site.invalid');
    if (resolved.origin !== 'http://same-site.invalid') return null;
    // never bounce back to the login page itself
    if (resolved.pathname === '/login') return null;
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return null;
  }
}

/** The `reason` that makes /login say 登录已失效: the user was signed in until their session ended. */
export const SESSION_ENDED_REASON = 'session-ended';

/** /login?next=<path on this site, or />, with &reason=session-ended when a session ended under the user. */
export function loginPath(next: string | null | undefined, options: { isSessionEnded?: boolean } = {}): string {
  const params = new URLSearchParams({ next: safeNextPath(next) ?? '/' });
  if (options.isSessionEnded) params.set('reason', SESSION_ENDED_REASON);
  return `/login?${params}`;
}
