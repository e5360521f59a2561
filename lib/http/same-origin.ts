// DESIGN §3: a state-changing request whose Origin names another site is refused with 403. Browsers send
// Origin on every cross-origin POST/PUT/PATCH/DELETE, so this stops cross-site form posts and fetches
// riding on the session cookie; SameSite=Lax already keeps the cookie off most of them.
// No Origin at all is allowed: non-browser clients (a CMS posting items with an API key, curl) send none.

const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the check reads of a request: a web Request, or server.ts's lighter stand-in (ingest fast path). */
export interface OriginSource {
  method: string;
  url: string;
  headers: { get(name: string): string | null };
}

export function isCrossSiteRequest(request: OriginSource): boolean {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  // 'null' is what sandboxed frames and some redirects send: never our own page
  if (origin === 'null') return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = request.headers.get('host') ?? hostOfUrl(request.url);
  if (!host) return true;
  return normalizeHost(originHost) !== normalizeHost(host);
}

function hostOfUrl(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

// Host headers may carry the default port explicitly; URL.host drops it, so compare like with like.
function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:(80|443)$/, '');
}
