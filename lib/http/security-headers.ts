// The security headers every response carries. next.config.js sets them on Next.js's responses; server.ts's
// fast paths, which answer before Next.js, set these (security-headers.test.ts keeps the two lists equal).
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
