import { describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword, verifyPasswordOrDummy } from './password';

describe('password hashing', () => {
  it('hashes with argon2id at the chosen cost and verifies the same password', async () => {
    const stored = await hashPassword('demo-password');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'demo-password')).toBe(true);
  });

  it('refuses another password, and salts every hash', async () => {
    const first = await hashPassword('demo-password');
    const second = await hashPassword('demo-password');
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'demo-passwordx')).toBe(false);
    expect(await verifyPassword(first, '')).toBe(false);
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'demo-password')).toBe(false);
    expect(await verifyPassword('', 'demo-password')).toBe(false);
  });

  it('handles non-ASCII passwords', async () => {
    const stored = await hashPassword('政务公开-2026');
    expect(await verifyPassword(stored, '政务公开-2026')).toBe(true);
    expect(await verifyPassword(stored, '政务公开-2025')).toBe(false);
  });

  it('spends a real verify on an unknown user and always says no', async () => {
    // the dummy is verified with the cost parameters of a real hash, so an unknown username costs what a
    // wrong password costs (compared by parameters: timings on a shared 2-core machine prove nothing)
    const stored = await hashPassword('demo-password');
    const parameters = (encoded: string) => encoded.split('$').slice(1, 4).join('$');
    expect(parameters(await dummyPasswordHash())).toBe(parameters(stored));
    expect(await dummyPasswordHash()).toBe(await dummyPasswordHash());
    expect(await verifyPasswordOrDummy(null, 'demo-password')).toBe(false);
    expect(await verifyPasswordOrDummy(stored, 'wrong-password')).toBe(false);
    expect(await verifyPasswordOrDummy(stored, 'demo-password')).toBe(true);
  });
});
