// Password hashing with argon2id (RFC 9106), at OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane.
import { randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

// Algorithm.Argon2id; @node-rs/argon2 declares its enums `const`, which isolatedModules cannot read.
const ARGON2ID = 2;

export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

/** The longest password accepted anywhere: bounds the work an attacker can make us do per attempt. */
export const MAX_PASSWORD_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash; never throws on bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** A hash of a random secret with the same parameters: verifying against it costs what a real verify costs. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(randomBytes(32).toString('base64url'), PASSWORD_HASH_OPTIONS);
  return dummyHash;
}

/**
 * Verifies against the stored hash, or against a dummy when there is no user, so that an unknown
 * username takes as long as a wrong password and response times do not reveal which accounts exist.
 */
export async function verifyPasswordOrDummy(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash !== null) return verifyPassword(passwordHash, password);
  await verifyPassword(await dummyPasswordHash(), password);
  return false;
}
