import { describe, expect, it } from 'vitest';
import { hashSessionToken, isWellFormedSessionToken } from './sessions';

describe('session tokens', () => {
  it('accepts only 43 base64url characters (32 random bytes)', () => {
    const token = Buffer.alloc(32, 7).toString('base64url');
    expect(token).toHaveLength(43);
    expect(isWellFormedSessionToken(token)).toBe(true);
    for (const bad of ['', 'abc', `${token}=`, `${token.slice(0, 42)}+`, `${token}A`, ' '.repeat(43), '政'.repeat(43), null, 42]) {
      expect(isWellFormedSessionToken(bad)).toBe(false);
    }
  });

  it('stores only a SHA-256 hex digest of the token', () => {
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
