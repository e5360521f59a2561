import { describe, expect, it } from 'vitest';
import { API_KEY_PREFIX, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-keys';

describe('API keys', () => {
  it('are dwk_ and 32 random bytes in base64url', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^dwk_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(generateApiKey()).not.toBe(key);
    expect(isWellFormedApiKey(key)).toBe(true);
  });

  it('refuse anything else before touching the database', () => {
    const key = generateApiKey();
    for (const bad of [null, undefined, 42, '', key.slice(0, -1), `${key}x`, key.replace('dwk_', 'dwx_'), ` ${key}`]) {
      expect(isWellFormedApiKey(bad)).toBe(false);
    }
  });

  it('hash to a stable SHA-256 hex digest', () => {
    expect(hashApiKey('dwk_test')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey('dwk_test')).toBe(hashApiKey('dwk_test'));
    expect(hashApiKey('dwk_test')).not.toBe(hashApiKey('dwk_tesT'));
  });
});
