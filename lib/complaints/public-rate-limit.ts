// Rate limits of the public complaint endpoints, per client address, counted in Redis so they hold across
// every web process (the pattern of lib/auth/login-rate-limit.ts). Every request spends a point: filing
// (PUBLIC_COMPLAINT_LIMIT_PER_IP) and looking up or rating (PUBLIC_TRACK_LIMIT_PER_IP) have separate budgets.
// Applications for information (依申请公开, POST /requests) have a budget of their own of the filing size, and
// share the tracking budget (complaints and requests are looked up on the one /public/track page).
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { getEnv, redisPrefix } from '../env';
import { redis, whenRedisReady } from '../redis/connection';

export type PublicEndpoint = 'file' | 'request' | 'track';
export type PublicLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class PublicRateLimitUnavailableError extends Error {
  constructor(cause: unknown) {
    super('public rate limiter unavailable', { cause });
  }
}

export interface PublicRateLimiter {
  consume(endpoint: PublicEndpoint, address: string): Promise<PublicLimitResult>;
}

export function createPublicRateLimiter(options: { client?: Redis; perFile?: number; perTrack?: number; windowSeconds?: number } = {}): PublicRateLimiter {
  const env = getEnv();
  const client = options.client ?? redis();
  const duration = options.windowSeconds ?? env.PUBLIC_LIMIT_WINDOW_SECONDS;
  const limiters: Record<PublicEndpoint, RateLimiterRedis> = {
    file: new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${redisPrefix()}public:complaint`,
      points: options.perFile ?? env.PUBLIC_COMPLAINT_LIMIT_PER_IP,
      duration,
      rejectIfRedisNotReady: true,
    }),
    request: new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${redisPrefix()}public:request`,
      points: options.perFile ?? env.PUBLIC_COMPLAINT_LIMIT_PER_IP,
      duration,
      rejectIfRedisNotReady: true,
    }),
    track: new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${redisPrefix()}public:track`,
      points: options.perTrack ?? env.PUBLIC_TRACK_LIMIT_PER_IP,
      duration,
      rejectIfRedisNotReady: true,
    }),
  };
  return {
    async consume(endpoint, address) {
      try {
        await whenRedisReady(client);
        await limiters[endpoint].consume(address);
        return { allowed: true };
      } catch (error) {
        // a spent budget rejects with the limiter's result; anything else is Redis failing
        if (error instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        }
        throw new PublicRateLimitUnavailableError(error);
      }
    },
  };
}

let shared: PublicRateLimiter | undefined;

export function publicRateLimiter(): PublicRateLimiter {
  shared ??= createPublicRateLimiter();
  return shared;
}
