import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher';

describe('createBatcher', () => {
  it('runs inputs that arrive together as one batch, and later ones in the next', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher(
      async (inputs: number[]) => {
        batches.push(inputs);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return inputs.length;
      },
      { maxSize: 3, maxInFlight: 1 },
    );
    const first = [1, 2, 3, 4].map((n) => batcher.add(n));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = batcher.add(5);
    expect(await Promise.all([...first, late])).toEqual([3, 3, 3, 2, 2]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('retries a failed batch one input at a time, so only the bad input fails', async () => {
    const batcher = createBatcher(
      async (inputs: number[]) => {
        if (inputs.includes(13)) throw new Error('bad item');
        return inputs.join(',');
      },
      { maxSize: 10, maxInFlight: 2 },
    );
    const results = await Promise.allSettled([12, 13, 14].map((n) => batcher.add(n)));
    expect(results).toEqual([
      { status: 'fulfilled', value: '12' },
      { status: 'rejected', reason: new Error('bad item') },
      { status: 'fulfilled', value: '14' },
    ]);
  });
});
