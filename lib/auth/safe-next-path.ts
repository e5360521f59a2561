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
