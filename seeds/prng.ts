// Deterministic randomness for demo data: the same `today` always gives the same rows, so tests can
// state exact expectations and a re-seed on the same day adds nothing new. Never Math.random here.

export type Rng = () => number;

/** mulberry32: a tiny 32-bit generator, plenty for demo data; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a over the UTF-16 code units of the joined parts: a stable 32-bit seed from strings. */
export function hashSeed(...parts: readonly string[]): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator seeded from strings, e.g. rngFor('2026-11-27', '320105', 'HJBH-001'). */
export function rngFor(...parts: readonly string[]): Rng {
  return mulberry32(hashSeed(...parts));
}

/** An integer in [min, max], both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  if (list.length === 0) throw new RangeError('pick from an empty list');
  return list[Math.floor(rng() * list.length)] as T;
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

/** Picks a value with probability proportional to its weight. */
export function weighted<T>(rng: Rng, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

/** k distinct elements in random order (k clamped to the list's length). */
export function sample<T>(rng: Rng, list: readonly T[], k: number): T[] {
  const copy = [...list];
  const count = Math.min(k, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}
