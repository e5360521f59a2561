// The only reader of process.env: parsed with zod once, so a bad setting fails at start with a clear message.
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // lets tests move the application clock of every process through Redis; never set it in production
  ALLOW_CLOCK_CONTROL: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: positiveInt(12),
  SESSION_COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOGIN_LIMIT_PER_ACCOUNT: positiveInt(5),
  LOGIN_LIMIT_PER_IP: positiveInt(30),
  LOGIN_LIMIT_WINDOW_SECONDS: positiveInt(900),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

let parsed: Env | undefined;

export function getEnv(): Env {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  parsed = result.data;
  return parsed;
}

/** The key prefix of every BullMQ and socket.io key, always ending in ':'. */
export function redisPrefix(): string {
  const prefix = getEnv().REDIS_PREFIX;
  return prefix.endsWith(':') ? prefix : `${prefix}:`;
}
