// The only reader of process.env: parsed with zod once, so a bad setting fails at start with a clear message.
import { z } from 'zod';

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: '必须是正整数 / must be a positive integer' })
    .int('必须是正整数 / must be a positive integer')
    .positive('必须是正整数 / must be a positive integer')
    .default(fallback);

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: '应为 development、production 或 test / must be development, production or test' })
    .default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 连接串 / must be a postgres:// URL')
    .default('postgres://dw_app:dw_app@127.0.0.1:5432/disclosure_watch'),
  // Owner connection for migrations and test databases; the app itself never uses it.
  DATABASE_ADMIN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 连接串 / must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/disclosure_watch'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, '必须是 redis:// 连接串 / must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:{}-]+$/, '只能包含字母、数字和 _.:{}- / letters, digits and _.:{}- only')
    .default('dw'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce
    .number({ error: '必须是 1–65535 的端口号 / must be a port number' })
    .int('必须是 1–65535 的端口号 / must be a port number')
    .min(1, '必须是 1–65535 的端口号 / must be a port number')
    .max(65535, '必须是 1–65535 的端口号 / must be a port number')
    .default(3000),
  // lets tests move the application clock of every process through Redis; never set it in production
  ALLOW_CLOCK_CONTROL: z.enum(['true', 'false'], { error: '应为 true 或 false / must be true or false' }).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: '应为 fatal/error/warn/info/debug/trace/silent 之一 / must be a pino level',
    })
    .default('info'),
  SESSION_TTL_HOURS: positiveInt(12),
  SESSION_COOKIE_SECURE: z.enum(['true', 'false'], { error: '应为 true 或 false / must be true or false' }).default('false').transform((v) => v === 'true'),
  LOGIN_LIMIT_PER_ACCOUNT: positiveInt(5),
  LOGIN_LIMIT_PER_IP: positiveInt(30),
  LOGIN_LIMIT_WINDOW_SECONDS: positiveInt(900),
  // the public complaint form and tracking page, per client address and window; the demo simulator files
  // about 9 complaints per 10 minutes from 127.0.0.1, inside the default
  PUBLIC_COMPLAINT_LIMIT_PER_IP: positiveInt(20),
  PUBLIC_TRACK_LIMIT_PER_IP: positiveInt(60),
  PUBLIC_LIMIT_WINDOW_SECONDS: positiveInt(600),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

let parsed: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function getEnv(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/** The key prefix of every BullMQ and socket.io key, always ending in ':'. */
export function redisPrefix(): string {
  const prefix = getEnv().REDIS_PREFIX;
  return prefix.endsWith(':') ? prefix : `${prefix}:`;
}

/** For process entry points (server.ts, workers): a bad setting prints its message and exits 1, no stack. */
export function getEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
