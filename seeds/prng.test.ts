import { describe, expect, it } from 'vitest';
import { chance, hashSeed, intBetween, mulberry32, pick, rngFor, sample, weighted } from './prng';

const draw = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(mulberry32(42), 50)).toEqual(draw(mulberry32(42), 50));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(mulberry32(42), 5)).not.toEqual(draw(mulberry32(43), 5));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const values = draw(mulberry32(7), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  // the reference mulberry32 sequence for seed 1; a change here changes every demo data set
  it('matches the reference sequence', () => {
    expect(draw(mulberry32(1), 3).map((v) => v.toFixed(8))).toEqual(['0.62707394', '0.00273572', '0.52744704']);
  });
});

describe('seeding from strings', () => {
  it('hashes stably and tells the parts apart', () => {
    expect(hashSeed('2026-11-27', '320105', 'STHJ-001')).toBe(hashSeed('2026-11-27', '320105', 'STHJ-001'));
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(hashSeed('2026-11-27', '320105')).not.toBe(hashSeed('2026-11-28', '320105'));
  });

  it('gives every entry its own stream', () => {
    expect(draw(rngFor('2026-11-27', '320105', 'STHJ-001'), 3)).not.toEqual(draw(rngFor('2026-11-27', '320105', 'STHJ-002'), 3));
  });
});

describe('helpers', () => {
  it('draws integers within both bounds', () => {
    const rng = mulberry32(3);
    const seen = new Set(Array.from({ length: 500 }, () => intBetween(rng, 2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks, samples and weighs', () => {
    const rng = mulberry32(5);
    expect(['a', 'b']).toContain(pick(rng, ['a', 'b']));
    expect(() => pick(rng, [])).toThrow(RangeError);
    const s = sample(rng, [1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    const hits = Array.from({ length: 10_000 }, () => weighted(rng, [['x', 0.9], ['y', 0.1]] as const)).filter((v) => v === 'y');
    expect(hits.length).toBeGreaterThan(800);
    expect(hits.length).toBeLessThan(1200);
    expect(chance(rng, 0)).toBe(false);
    expect(chance(rng, 1)).toBe(true);
  });
});
