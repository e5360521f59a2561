import { describe, expect, it } from 'vitest';
import { LEVEL_LABELS, LEVEL_RANK, maxLevel } from './level';

describe('levels', () => {
  it('orders none < yellow < orange < red', () => {
    expect(LEVEL_RANK.none).toBeLessThan(LEVEL_RANK.yellow);
    expect(LEVEL_RANK.yellow).toBeLessThan(LEVEL_RANK.orange);
    expect(LEVEL_RANK.orange).toBeLessThan(LEVEL_RANK.red);
  });

  it('takes the higher of two levels', () => {
    expect(maxLevel('yellow', 'orange')).toBe('orange');
    expect(maxLevel('red', 'yellow')).toBe('red');
    expect(maxLevel('none', 'none')).toBe('none');
    expect(maxLevel('orange', 'orange')).toBe('orange');
    expect(maxLevel('none', 'yellow')).toBe('yellow');
  });

  it('labels levels in zh-CN', () => {
    expect(LEVEL_LABELS).toEqual({ yellow: '黄色预警（临期）', orange: '橙色预警（超期）', red: '红色预警（严重超期）' });
  });
});
