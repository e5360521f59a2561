// Sign-in (issue 2 item 5): rate-limit check, password check, new session. Every failure looks the same
// to the caller (unknown user, wrong password, inactive user), and takes as long.
import type { Db } from '../db/sql';
import { log } from '../log';
import {
  LoginRateLimitUnavailableError,
  loginRateLimiter,
  type LoginRateLimiter,
} from './login-rate-limit';
import { verifyPasswordOrDummy } from './password';
import { createSession } from './sessions';
import { findUserCredentials, normalizeUsername, USERNAME_PATTERN, type User } from './users';

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string | null;
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
  /** The limiter's Redis could not be reached: sign-in fails closed (see LoginRateLimitUnavailableError). */
  | { ok: false; reason: 'unavailable' };

export async function login(
  db: Db,
  input: LoginInput,
  limiter: LoginRateLimiter = loginRateLimiter(),
): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  try {
    const limit = await limiter.check(username, input.ip);
    if (limit.blocked) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

    // a name that cannot exist is not looked up, but still costs a full verify
    const credentials = USERNAME_PATTERN.test(username) ? await findUserCredentials(db, username) : null;
    const isPasswordRight = await verifyPasswordOrDummy(credentials?.passwordHash ?? null, input.password);
    if (!credentials || !isPasswordRight || !credentials.user.isActive) {
      await limiter.recordFailure(username, input.ip);
      return { ok: false, reason: 'invalid' };
    }

    await limiter.recordSuccess(username);
    const { token, expiresAt } = await createSession(db, credentials.user, {
      ip: input.ip,
      userAgent: input.userAgent ?? null,
    });
    log.info({ username, userId: credentials.user.id }, 'signed in');
    return { ok: true, token, expiresAt, user: credentials.user };
  } catch (error) {
    if (error instanceof LoginRateLimitUnavailableError) {
      log.error({ err: String(error.cause) }, 'login refused: rate limiter unavailable');
      return { ok: false, reason: 'unavailable' };
    }
    throw error;
  }
}
