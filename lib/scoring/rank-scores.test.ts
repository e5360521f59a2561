import { describe, expect, it } from 'vitest';
import { rankScores } from './rank-scores';

describe('rankScores', () => {
  it('shares ranks on equal totals and puts null totals last', () => {
    const ranked = rankScores([
      { id: 'a', total: 80 },
      { id: 'b', total: null },
      { id: 'c', total: 95.5 },
      { id: 'd', total: 80 },
      { id: 'e', total: 60 },
      { id: 'f', total: null },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
      ['b', 5],
      ['f', 5],
    ]);
  });
});
