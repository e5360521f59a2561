// Runs before every page: a fresh CSP nonce per request (Next.js applies it to its own scripts), and the
// requested path for pages that send a signed-out visitor to /login?next=….
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, NONCE_HEADER } from './lib/http/content-security-policy';
import { REQUEST_PATH_HEADER } from './lib/http/request-path';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set('Content-Security-Policy', policy);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico|socket.io).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
