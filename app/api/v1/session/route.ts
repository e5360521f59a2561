// POST /api/v1/session – sign in and receive the session cookie; DELETE – sign out.
import { z } from 'zod';
import { clientAddress } from '../../../../lib/auth/client-address';
import { login } from '../../../../lib/auth/login';
import { MAX_PASSWORD_LENGTH } from '../../../../lib/auth/password';
import { landingPathFor } from '../../../../lib/auth/roles';
import {
  readSessionToken,
  serializeClearedSessionCookie,
  serializeSessionCookie,
} from '../../../../lib/auth/session-cookie';
import { getSessionUser, hashSessionToken, revokeSession } from '../../../../lib/auth/sessions';
import { now } from '../../../../lib/clock';
import { sql } from '../../../../lib/db/sql';
import { apiError, forbidden } from '../../../../lib/http/errors';
import { readJson } from '../../../../lib/http/read-json';
import { isCrossSiteRequest } from '../../../../lib/http/same-origin';
import { orUnavailable, unavailable } from '../../../../lib/http/unavailable';
import { log } from '../../../../lib/log';
import { endSessionSockets } from '../../../../lib/realtime/end-sessions';
import { sharedEmitter } from '../../../../lib/realtime/shared-emitter';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Only presence and length are checked here: a name of the wrong shape is just an unknown user (401).
const signInSchema = z.object(
  {
    username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名不能超过 64 个字符'),
    password: z
      .string({ error: '请输入密码' })
      .min(1, '请输入密码')
      .max(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`),
  },
  { error: '请求体必须是包含用户名和密码的 JSON 对象' },
);

const crossSite = () => forbidden('拒绝跨站请求');

export const POST = orUnavailable('sign-in failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return crossSite();
  const body = await readJson(request, signInSchema, 16_000);
  if (!body.ok) return body.response;

  const result = await login(sql, {
    username: body.data.username,
    password: body.data.password,
    ip: clientAddress(request.headers),
    userAgent: request.headers.get('user-agent'),
  });
  if (result.ok) {
    const { user } = result;
    const maxAgeSeconds = Math.floor((result.expiresAt.getTime() - now().getTime()) / 1000);
    return Response.json(
      {
        user: {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          regionCode: user.regionCode,
          departmentId: user.departmentId,
        },
        landing: landingPathFor(user.role),
      },
      { headers: { 'set-cookie': serializeSessionCookie(result.token, maxAgeSeconds), 'cache-control': 'no-store' } },
    );
  }
  switch (result.reason) {
    case 'invalid':
      // one message for an unknown user, a wrong password and a disabled account
      return apiError(401, 'unauthenticated', '用户名或密码错误');
    case 'rate_limited':
      return apiError(
        429,
        'rate_limited',
        `登录失败次数过多，请 ${formatWait(result.retryAfterSeconds)}后再试`,
        undefined,
        { 'retry-after': String(result.retryAfterSeconds) },
      );
    case 'unavailable':
      return unavailable('登录服务暂时不可用，请稍后再试');
  }
}, { message: '登录服务暂时不可用，请稍后再试' });

export const DELETE = orUnavailable('sign-out failed', async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return crossSite();
  const cleared = { 'set-cookie': serializeClearedSessionCookie(), 'cache-control': 'no-store' };
  const token = readSessionToken(request.headers.get('cookie'));
  const session = await getSessionUser(sql, token);
  if (!token || !session) return apiError(401, 'unauthenticated', '尚未登录或登录已过期', undefined, cleared);
  await revokeSession(sql, token);
  // the tabs of this session, on every web process, learn it now rather than at their next re-check
  endSessionSockets(sharedEmitter(), { tokenHash: hashSessionToken(token) }, 'signed_out');
  log.info({ username: session.user.username }, 'signed out');
  return new Response(null, { status: 204, headers: cleared });
});

// 45 → '45 秒', 900 → '15 分钟', 3700 → '62 分钟'
function formatWait(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
