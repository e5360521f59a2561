import { describe, expect, it } from 'vitest';
import type { Db } from './sql';
import { createStampedCache } from './stamped-cache';

// the cache only hands the db to its stamp and load functions, which here ignore it
const db = {} as Db;

function world() {
  const state = { stamp: 'a', stamps: 0, loads: 0, failNextLoad: false };
  const cache = createStampedCache({
    stamp: async () => {
      state.stamps += 1;
      return state.stamp;
    },
    load: async () => {
      state.loads += 1;
      if (state.failNextLoad) {
        state.failNextLoad = false;
        throw new Error('database away');
      }
      return `value@${state.stamp}`;
    },
    checkEveryMs: 1_000,
  });
  return { state, cache };
}

describe('createStampedCache', () => {
  it('loads once, and within the interval answers without asking the database', async () => {
    const { state, cache } = world();
    expect(await cache.get(db, 0)).toBe('value@a');
    expect(await Promise.all([cache.get(db, 10), cache.get(db, 999)])).toEqual(['value@a', 'value@a']);
    expect(state).toMatchObject({ stamps: 1, loads: 1 });
  });

  it('after the interval compares the stamp, and reloads only when it moved', async () => {
    const { state, cache } = world();
    await cache.get(db, 0);
    expect(await cache.get(db, 1_000)).toBe('value@a');
    expect(state).toMatchObject({ stamps: 2, loads: 1 });
    state.stamp = 'b';
    expect(await cache.get(db, 2_000)).toBe('value@b');
    expect(state).toMatchObject({ stamps: 3, loads: 2 });
  });

  it('forgets a failed load, so the next call tries again', async () => {
    const { state, cache } = world();
    state.failNextLoad = true;
    await expect(cache.get(db, 0)).rejects.toThrow('database away');
    expect(await cache.get(db, 1)).toBe('value@a');
    expect(state.loads).toBe(2);
  });

  it('reloads at once after invalidate', async () => {
    const { state, cache } = world();
    await cache.get(db, 0);
    state.stamp = 'c';
    cache.invalidate();
    expect(await cache.get(db, 1)).toBe('value@c');
  });
});
