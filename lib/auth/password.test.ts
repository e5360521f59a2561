import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, verifyPasswordOrDummy } from './password';

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
    const stored = await hashPassword('demo-password');
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    await verifyPasswordOrDummy(null, 'warm-up'); // the dummy hash is made once, on first use
    const unknownUserMs = await timed(() => verifyPasswordOrDummy(null, 'demo-password'));
    const wrongPasswordMs = await timed(() => verifyPasswordOrDummy(stored, 'wrong-password'));
    expect(await verifyPasswordOrDummy(null, 'demo-password')).toBe(false);
    expect(await verifyPasswordOrDummy(stored, 'demo-password')).toBe(true);
    // same parameters, same work: within a generous factor on a busy 2-core machine
    expect(unknownUserMs).toBeGreaterThan(wrongPasswordMs / 4);
  });
});
