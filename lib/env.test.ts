import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('configuration', () => {
  it('works with no settings at all, for local use', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/dw_app@?|^postgres:\/\/dw_app:/);
    expect(env.ALLOW_CLOCK_CONTROL).toBe(false);
  });

  it('names every bad variable in one message', () => {
    expect(() => parseEnv({ PORT: 'abc', REDIS_URL: 'http://x', LOGIN_LIMIT_PER_IP: '-1' })).toThrow(ConfigError);
    try {
      parseEnv({ PORT: 'abc', REDIS_URL: 'http://x', LOGIN_LIMIT_PER_IP: '-1' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: 必须是 1–65535 的端口号/);
      expect(message).toMatch(/REDIS_URL: 必须是 redis:\/\//);
      expect(message).toMatch(/LOGIN_LIMIT_PER_IP: 必须是正整数/);
    }
  });

  it('accepts a Redis prefix with separators and hash tags', () => {
    expect(parseEnv({ REDIS_PREFIX: '{dw}:prod:' }).REDIS_PREFIX).toBe('{dw}:prod:');
    expect(() => parseEnv({ REDIS_PREFIX: 'dw prod' })).toThrow(/REDIS_PREFIX/);
  });
});
