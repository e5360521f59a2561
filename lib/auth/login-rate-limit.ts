// Sign-in attempts limited per account and per client address (issue 2 item 5), counted in Redis so the
// limit holds across every web process. Only failures count; a success clears the account's counter.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { getEnv, redisPrefix } from '../env';
import { redis, whenRedisReady } from '../redis/connection';

export type LoginLimitCheck = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export interface LoginRateLimiter {
  check(username: string, ip: string): Promise<LoginLimitCheck>;
  recordFailure(username: string, ip: string): Promise<void>;
  recordSuccess(username: string): Promise<void>;
}

/**
 * Redis could not be asked. Sign-in then fails closed (unavailable): answering without the limiter would give
 * an attacker unlimited guesses for as long as Redis is down, or while they keep it down; sessions
 * already issued live in Postgres and keep working.
 */
export class LoginRateLimitUnavailableError extends Error {
  constructor(cause: unknown) {
    super('login rate limiter unavailable', { cause });
  }
}

export interface LoginRateLimiterOptions {
  client?: Redis;
  perAccount?: number;
  perAddress?: number;
  windowSeconds?: number;
}

export function createLoginRateLimiter(options: LoginRateLimiterOptions = {}): LoginRateLimiter {
  const env = getEnv();
  const client = options.client ?? redis();
  const windowSeconds = options.windowSeconds ?? env.LOGIN_LIMIT_WINDOW_SECONDS;
  const account = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: `${redisPrefix()}login:account`,
    points: options.perAccount ?? env.LOGIN_LIMIT_PER_ACCOUNT,
    duration: windowSeconds,
    rejectIfRedisNotReady: true,
  });
  const address = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: `${redisPrefix()}login:address`,
    points: options.perAddress ?? env.LOGIN_LIMIT_PER_IP,
    duration: windowSeconds,
    rejectIfRedisNotReady: true,
  });

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      await whenRedisReady(client);
      return await work();
    } catch (error) {
      throw new LoginRateLimitUnavailableError(error);
    }
  };

  return {
    check: (username, ip) =>
      guarded(async () => {
        const [byAccount, byAddress] = await Promise.all([account.get(accountKey(username)), address.get(ip)]);
        const waits = [
          secondsLeftIfSpent(byAccount, account.points),
          secondsLeftIfSpent(byAddress, address.points),
        ].filter((wait): wait is number => wait !== null);
        return waits.length > 0 ? { blocked: true, retryAfterSeconds: Math.max(...waits) } : { blocked: false };
      }),
    recordFailure: (username, ip) =>
      guarded(async () => {
        // penalty adds a point without rejecting; the next check sees the spent budget
        await Promise.all([account.penalty(accountKey(username)), address.penalty(ip)]);
      }),
    recordSuccess: (username) =>
      guarded(async () => {
        await account.delete(accountKey(username));
      }),
  };
}

let shared: LoginRateLimiter | undefined;

/** The process's limiter, on the shared Redis connection. */
export function loginRateLimiter(): LoginRateLimiter {
  shared ??= createLoginRateLimiter();
  return shared;
}

// Usernames are case-insensitive; `Admin` and `admin` share one budget.
function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

function secondsLeftIfSpent(result: RateLimiterRes | null, points: number): number | null {
  if (!result || result.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
